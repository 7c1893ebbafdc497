"""One module per source: a data-only class on its platform's base (crawlers/platforms/)."""
