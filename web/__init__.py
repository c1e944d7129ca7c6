"""HTTP views and their middleware, served by the Faust worker's web server."""
