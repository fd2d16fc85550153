"""How the project starts Chromium: Debian's build, with flags that keep it off the network.

Used by the page-weight report and by the browser tests. Playwright's own browser download is
never used (it cannot work on machines without general internet access).
"""

CHROMIUM = "/usr/bin/chromium"
# No component updates, no sync, no background probes: a closed network stays quiet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
