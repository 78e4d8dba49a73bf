"""Reading the site's sitemaps as a search engine does: the index, then every file it lists."""

import re
from urllib.parse import urlsplit

LOCATION = re.compile(r"<loc>([^<]+)</loc>")


def sitemap_files(client) -> list[str]:
    """The paths (with their query) of the files ``/sitemap.xml`` lists."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    urls = LOCATION.findall(index.content.decode())
    return [f"{urlsplit(url).path}?{urlsplit(url).query}".rstrip("?") for url in urls]


def all_sitemaps(client) -> str:
    """Every file of the sitemap, one after the other."""
    texts = []
    for path in sitemap_files(client):
        response = client.get(path)
        assert response.status_code == 200, path
        texts.append(response.content.decode())
    return "\n".join(texts)
