"""PostgreSQL access: the only code that runs SQL; the SQL itself lives in sql/."""
