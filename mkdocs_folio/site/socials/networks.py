"""The networks table: every social network al-folio knows, as data.

One `Network` per `_data/socials.yml` key (`github_username`, `scholar_userid`...): the title
shown on hover, the icon (an SVG name under Material's or our theme's `.icons/`, instead of
al-folio's icon-font classes) and the URL pattern its value goes into. Adding a network is
adding a `Network` here, its expected URL in tests/unit/test_socials.py and its key to the
list in docs/socials.md (a test checks the list). `CONFIG_ORDER` is the order of the older
sites that kept their socials in `_config.yml`.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CONFIG_ORDER",
    "KIND_ACADEMIA",
    "KIND_BLUESKY",
    "KIND_EMAIL",
    "KIND_FEED",
    "KIND_ID",
    "KIND_MASTODON",
    "KIND_PATH",
    "KIND_PHONE",
    "KIND_QR",
    "KIND_URL",
    "NETWORKS",
    "NETWORKS_BY_KEY",
    "Network",
]


# How a network's value becomes a URL. Most networks put an id into a pattern; a few take a URL,
# a path, an address or a mapping, and two (Mastodon, Bluesky) accept handles in several shapes.
KIND_ID = "id"  # value is an id/user name placed at `%s` in the pattern
KIND_URL = "url"  # value is a URL (pattern is just "%s")
KIND_EMAIL = "email"  # mailto:, obfuscated in the page
KIND_FEED = "feed"  # a switch: {baseurl}/feed.xml
KIND_PATH = "path"  # a site path or URL (cv_pdf): baseurl-prefixed unless absolute
KIND_ACADEMIA = "academia"  # mapping {organization, username}
KIND_MASTODON = "mastodon"  # instance.tld/@user, @user@instance.tld or a URL
KIND_BLUESKY = "bluesky"  # a URL, a handle (name.bsky.social, @name.bsky.social) or a DID
KIND_PHONE = "phone"  # a phone number: digits only for wa.me
KIND_QR = "qr"  # an image file in assets/img (WeChat QR code)


@dataclass(frozen=True)
class Network:
    """One built-in network: the data al-folio hard-codes, with Material icon names instead of
    icon-font classes so the page needs no icon font and no CDN."""

    key: str
    title: str
    icon: str
    url: str
    kind: str = KIND_ID
    rel: str | None = None


# Icons: names of SVG files under Material's `templates/.icons/` or our `theme/.icons/`. Where
# Material has no icon (the CV document and Lattes), `folio/*` are simple originals we drew.
NETWORKS: tuple[Network, ...] = (
    Network("academia_edu", "Academia", "simple/academia", "https://%s.academia.edu/%s",
            KIND_ACADEMIA),
    Network("acm_id", "ACM DL", "simple/acm", "https://dl.acm.org/profile/%s/"),
    Network("arxiv_id", "arXiv", "simple/arxiv", "https://arxiv.org/a/%s.html"),
    Network("blogger_url", "Blogger", "fontawesome/brands/blogger-b", "%s", KIND_URL),
    Network("bluesky_url", "Bluesky", "fontawesome/brands/bluesky", "https://bsky.app/profile/%s",
            KIND_BLUESKY),
    Network("cv_pdf", "CV", "folio/cv", "%s", KIND_PATH),
    Network("dblp_url", "DBLP", "simple/dblp", "%s", KIND_URL),
    Network("discord_id", "Discord", "fontawesome/brands/discord", "https://discord.com/users/%s"),
    Network("email", "Email", "fontawesome/solid/envelope", "mailto:%s", KIND_EMAIL),
    Network("facebook_id", "Facebook", "fontawesome/brands/facebook", "https://facebook.com/%s"),
    Network("flickr_id", "Flickr", "fontawesome/brands/flickr", "https://www.flickr.com/%s"),
    Network("github_username", "GitHub", "fontawesome/brands/github", "https://github.com/%s"),
    Network("gitlab_username", "GitLab", "fontawesome/brands/gitlab", "https://gitlab.com/%s"),
    Network("hal_id", "HAL", "simple/hal", "https://cv.hal.science/%s"),
    Network("ieee_id", "IEEE Xplore", "simple/ieee", "https://ieeexplore.ieee.org/author/%s/"),
    Network("inspirehep_id", "Inspire HEP", "simple/inspire", "https://inspirehep.net/authors/%s"),
    Network("instagram_id", "Instagram", "fontawesome/brands/instagram",
            "https://instagram.com/%s"),
    Network("kaggle_id", "Kaggle", "fontawesome/brands/kaggle", "https://www.kaggle.com/%s"),
    Network("keybase_username", "Keybase", "fontawesome/brands/keybase", "https://keybase.io/%s"),
    Network("lastfm_id", "Last FM", "fontawesome/brands/lastfm", "https://www.last.fm/user/%s"),
    Network("lattes_id", "Lattes", "folio/lattes", "http://lattes.cnpq.br/%s"),
    Network("leetcode_id", "LeetCode", "simple/leetcode", "https://leetcode.com/u/%s/"),
    Network("letterboxd_id", "Letterboxd", "fontawesome/brands/square-letterboxd",
            "https://letterboxd.com/%s"),
    Network("linkedin_username", "LinkedIn", "fontawesome/brands/linkedin",
            "https://www.linkedin.com/in/%s"),
    Network("mastodon_username", "Mastodon", "fontawesome/brands/mastodon", "https://%s",
            KIND_MASTODON, rel="me"),
    Network("medium_username", "Medium", "fontawesome/brands/medium", "https://medium.com/@%s"),
    Network("orcid_id", "ORCID", "simple/orcid", "https://orcid.org/%s"),
    Network("osf_id", "Open Science Framework", "simple/osf", "https://osf.io/%s/"),
    Network("pinterest_id", "Pinterest", "fontawesome/brands/pinterest",
            "https://www.pinterest.com/%s"),
    Network("publons_id", "Publons", "simple/publons", "https://publons.com/a/%s/"),
    Network("quora_username", "Quora", "fontawesome/brands/quora",
            "https://www.quora.com/profile/%s"),
    Network("research_gate_profile", "ResearchGate", "simple/researchgate",
            "https://www.researchgate.net/profile/%s/"),
    Network("rss_icon", "RSS Feed", "fontawesome/solid/square-rss", "%s/feed.xml", KIND_FEED),
    Network("scholar_userid", "Google Scholar", "simple/googlescholar",
            "https://scholar.google.com/citations?user=%s"),
    Network("scopus_id", "Scopus", "simple/scopus",
            "https://www.scopus.com/authid/detail.uri?authorId=%s"),
    Network("semanticscholar_id", "Semantic Scholar", "simple/semanticscholar",
            "https://www.semanticscholar.org/author/%s"),
    Network("spotify_id", "Spotify", "fontawesome/brands/spotify",
            "https://open.spotify.com/user/%s"),
    Network("stackoverflow_id", "Stackoverflow", "fontawesome/brands/stack-overflow",
            "https://stackoverflow.com/users/%s"),
    Network("strava_userid", "Strava", "fontawesome/brands/strava",
            "https://www.strava.com/athletes/%s"),
    Network("telegram_username", "Telegram", "fontawesome/brands/telegram",
            "https://telegram.me/%s"),
    Network("unsplash_id", "Unsplash", "fontawesome/brands/unsplash", "https://unsplash.com/@%s"),
    Network("wechat_username", "WeChat", "fontawesome/brands/weixin", "weixin://dl/chat?%s"),
    Network("whatsapp_number", "WhatsApp", "fontawesome/brands/whatsapp", "https://wa.me/%s",
            KIND_PHONE),
    Network("wikidata_id", "Wikidata", "simple/wikidata", "https://www.wikidata.org/wiki/%s"),
    Network("wikipedia_id", "Wikipedia", "fontawesome/brands/wikipedia-w",
            "https://wikipedia.org/wiki/User:%s"),
    Network("work_url", "Work", "fontawesome/solid/briefcase", "%s", KIND_URL),
    Network("x_username", "X", "fontawesome/brands/x-twitter", "https://twitter.com/%s"),
    Network("youtube_id", "YouTube", "fontawesome/brands/youtube", "https://youtube.com/@%s"),
    Network("zotero_username", "Zotero", "simple/zotero", "https://www.zotero.org/%s"),
    # Not in jekyll-socials 0.0.6: the config-era Twitter key, the generation-2 WeChat QR code,
    # and four networks the gem's README advertises without mapping them (a plain value
    # crashes the gem; we give them real links).
    Network("twitter_username", "X", "fontawesome/brands/x-twitter", "https://twitter.com/%s"),
    Network("wechat_qr", "WeChat", "fontawesome/brands/weixin", "%s", KIND_QR),
    Network("reddit_username", "Reddit", "fontawesome/brands/reddit",
            "https://www.reddit.com/user/%s"),
    Network("tiktok_username", "TikTok", "fontawesome/brands/tiktok", "https://www.tiktok.com/@%s"),
    Network("tumblr_username", "Tumblr", "fontawesome/brands/tumblr", "https://www.tumblr.com/%s"),
    Network("twitch_username", "Twitch", "fontawesome/brands/twitch", "https://www.twitch.tv/%s"),
)  # fmt: skip

NETWORKS_BY_KEY: dict[str, Network] = {network.key: network for network in NETWORKS}

# Order of the `_config.yml` era (al-folio's hard-coded `_includes/social.html`, mid-2023, with
# the keys added before socials moved to `_data/socials.yml` in 2024-12).
CONFIG_ORDER: tuple[str, ...] = (
    "email",
    "telegram_username",
    "whatsapp_number",
    "orcid_id",
    "scholar_userid",
    "semanticscholar_id",
    "publons_id",
    "lattes_id",
    "osf_id",
    "research_gate_profile",
    "scopus_id",
    "ieee_id",
    "acm_id",
    "inspirehep_id",
    "github_username",
    "linkedin_username",
    "twitter_username",
    "x_username",
    "mastodon_username",
    "medium_username",
    "quora_username",
    "flickr_id",
    "blogger_url",
    "work_url",
    "wikidata_id",
    "wikipedia_id",
    "strava_userid",
    "keybase_username",
    "gitlab_username",
    "dblp_url",
    "stackoverflow_id",
    "kaggle_id",
    "lastfm_id",
    "spotify_id",
    "pinterest_id",
    "unsplash_id",
    "instagram_id",
    "facebook_id",
    "bluesky_url",
    "youtube_id",
    "discord_id",
    "zotero_username",
    "rss_icon",
    "wechat_qr",
)
