// Starts Swagger UI on /docs (web/docs_pages.py). A file of its own rather than an inline
// <script>, so the page's Content-Security-Policy can refuse every inline script.
"use strict";

window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
  // The default fetches a validity badge from validator.swagger.io: a request off this service.
  validatorUrl: null,
});
