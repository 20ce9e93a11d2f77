"""Every page test drives the same headless Chromium fixtures (`test_search_page.browser`, `page`)."""

from test_search_page import browser, page  # noqa: F401 - fixtures, shared with the other page tests
