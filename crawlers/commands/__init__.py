"""Project commands for `scrapy <command>` (COMMANDS_MODULE in settings)."""
