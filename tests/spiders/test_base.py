import pytest

from crawlers.platforms.base import canonical_url


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (
            "http://DOST-BenTre.gov.vn/tin-tuc/2649/slug#top",
            "http://dost-bentre.gov.vn/tin-tuc/2649/slug",
        ),
        (
            "http://www.haiphong.gov.vn/Portal/Detail.aspx?Organization=SKHCN&MenuID=19125&ContentID=146657",
            "http://www.haiphong.gov.vn/Portal/Detail.aspx?Organization=SKHCN&MenuID=19125&ContentID=146657",
        ),
        ("http://a.gov.vn/x?id=5&utm_source=fb&fbclid=abc", "http://a.gov.vn/x?id=5"),
        (
            "http://a.gov.vn/Chi%20ti%E1%BA%BFt/!ut/p/z0/a?x=%20y",
            "http://a.gov.vn/Chi%20ti%E1%BA%BFt/!ut/p/z0/a?x=%20y",
        ),
        ("http://a.gov.vn", "http://a.gov.vn/"),
    ],
)
def test_canonical_url_drops_only_fragment_and_tracking(url, canonical):
    assert canonical_url(url) == canonical
