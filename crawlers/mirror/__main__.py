"""`python -m crawlers.mirror [--port 8765] [--root data/mirror]`: serve the mirror."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from crawlers.mirror import MIRROR_DIR, MirrorServer


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the saved department sites on loopback.")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--root", type=Path, default=MIRROR_DIR)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    server = MirrorServer(args.root, port=args.port)
    hosts = ", ".join(sorted(server.sites.hosts))
    print(f"mirror: {server.url} serving {len(server.sites.hosts)} hosts ({hosts})", flush=True)
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.httpd.server_close()


if __name__ == "__main__":
    main()
