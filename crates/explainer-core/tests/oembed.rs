//! The oEmbed response, its discovery link, and the checks on the public address.

use explainer_core::embed::iframe_snippet;
use explainer_core::oembed::{
    discovery_link, oembed_json, provider_name, PublicUrl, DEFAULT_PUBLIC_URL, OEMBED_HEIGHT,
    OEMBED_WIDTH, PUBLIC_URL_ENV,
};

const TITLE: &str = "Where does a US TikTok user’s data actually go?";

fn url(raw: &str) -> PublicUrl {
    PublicUrl::parse(raw).unwrap_or_else(|e| panic!("{raw}: {e}"))
}

#[test]
fn good_public_addresses_are_accepted() {
    for raw in [
        "https://example.org/",
        "https://example.org/graphics/city-budget/",
        "http://127.0.0.1:8080/",
        "http://localhost:41234/a/b/",
        "https://[::1]:8443/x/",
        "https://news.example/2026/11/city%20budget/",
        "https://sub.example.co.uk/~graphics/city_budget.v2/",
    ] {
        assert_eq!(url(raw).as_str(), raw);
    }
}

#[test]
fn malformed_public_addresses_fail_with_a_reason() {
    let cases = [
        ("", "empty"),
        ("example.org/graphics/", "https://"),
        ("//example.org/graphics/", "https://"),
        ("ftp://example.org/", "https://"),
        ("HTTPS://example.org/", "https://"),
        ("javascript:alert(1)//", "https://"),
        ("https://example.org/graphics", "end with /"),
        ("https://example.org", "end with /"),
        ("https:///graphics/", "host"),
        ("https://:8080/", "host"),
        ("https://example.org:0/", "port"),
        ("https://example.org:99999/", "port"),
        ("https://example.org:http/", "port"),
        ("https://example.org:/", "port"),
        ("https://user:pw@example.org/", "user name"),
        ("https://example.org/?embed/", "query"),
        ("https://example.org/#top/", "fragment"),
        ("https://example.org/a b/", "' '"),
        (" https://example.org/", "' '"),
        ("https://example.org/\n", "'\\n'"),
        ("https://example.org/\"><script>/", "'\"'"),
        ("https://example.org/<x>/", "'<'"),
        ("https://example.org/grafik-ü/", "'ü'"),
        ("https://example.org/100%/", "hex"),
        ("https://example.org/%zz/", "hex"),
        ("https://example.org/%4/", "hex"),
    ];
    for (raw, why) in cases {
        let error = PublicUrl::parse(raw).expect_err(raw);
        assert!(error.contains(why), "{raw:?}: {error}");
        // Every message names the variable and shows a good example.
        assert!(error.contains(PUBLIC_URL_ENV), "{error}");
        assert!(
            error.contains("https://example.org/graphics/city-budget/"),
            "{error}"
        );
    }
    let long = format!("https://example.org/{}/", "a".repeat(2000));
    assert!(PublicUrl::parse(&long).is_err());
}

#[test]
fn unset_means_the_local_preview_address_and_set_values_are_checked() {
    let (default, is_default) = PublicUrl::from_env(None).unwrap();
    assert_eq!((default.as_str(), is_default), (DEFAULT_PUBLIC_URL, true));
    assert_eq!(default.as_str(), "http://127.0.0.1:8080/");
    let (set, is_default) = PublicUrl::from_env(Some("https://example.org/t/")).unwrap();
    assert_eq!(
        (set.as_str(), is_default),
        ("https://example.org/t/", false)
    );
    // Set but empty is a mistake in the deployment's configuration, not "unset".
    assert!(PublicUrl::from_env(Some("")).is_err());
    assert!(PublicUrl::from_env(Some("https://example.org/t")).is_err());
}

#[test]
fn addresses_derived_from_the_public_url() {
    let u = url("https://example.org:8443/graphics/city-budget/");
    assert_eq!(
        u.embed_url(),
        "https://example.org:8443/graphics/city-budget/?embed"
    );
    assert_eq!(
        u.oembed_url(),
        "https://example.org:8443/graphics/city-budget/oembed.json"
    );
    assert_eq!(u.path(), "/graphics/city-budget/");
    assert_eq!(url("http://127.0.0.1:8080/").path(), "/");
}

#[test]
fn provider_name_defaults_to_the_publisher_and_rejects_junk() {
    let u = "A Desk";
    assert_eq!(provider_name(None, u).unwrap(), "A Desk");
    assert_eq!(
        provider_name(Some("  The Example Times "), u).unwrap(),
        "The Example Times"
    );
    for bad in ["", "   ", "a\nb", "tab\there", &"x".repeat(201)] {
        assert!(provider_name(Some(bad), u).is_err(), "{bad:?}");
    }
}

#[test]
fn the_response_is_a_rich_oembed_with_the_pages_own_iframe_snippet() {
    let u = url("https://example.org/graphics/city-budget/");
    let text = oembed_json(&u, TITLE, "Example News");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let html = iframe_snippet("https://example.org/graphics/city-budget/?embed", TITLE);
    assert_eq!(
        json,
        serde_json::json!({
            "version": "1.0",
            "type": "rich",
            "title": TITLE,
            "provider_name": "Example News",
            "provider_url": "https://example.org/graphics/city-budget/",
            "html": html,
            "width": OEMBED_WIDTH,
            "height": OEMBED_HEIGHT,
        })
    );
    // The snippet: titled, full width, lazy, with the resize listener, no fixed height.
    let html = json["html"].as_str().unwrap();
    assert!(html.starts_with(
        r#"<iframe src="https://example.org/graphics/city-budget/?embed" title="Where does"#
    ));
    for part in [
        r#"width="100%""#,
        r#"loading="lazy""#,
        "embed-size",
        "addEventListener(\"message\"",
    ] {
        assert!(html.contains(part), "{part} in {html}");
    }
    assert!(!html.contains(" height="), "{html}");
}

#[test]
fn the_response_escapes_what_it_carries() {
    let u = url("https://example.org/a&b/");
    let title = r#"Quotes " and <tags> & "more"</script>"#;
    let text = oembed_json(&u, title, "A \"B\" \\ C");
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(json["title"], title);
    assert_eq!(json["provider_name"], "A \"B\" \\ C");
    let html = json["html"].as_str().unwrap();
    assert!(
        html.contains(r#"src="https://example.org/a&amp;b/?embed""#),
        "{html}"
    );
    assert!(
        html.contains(
            r#"title="Quotes &quot; and &lt;tags&gt; &amp; &quot;more&quot;&lt;/script&gt;""#
        ),
        "{html}"
    );
}

#[test]
fn the_discovery_link_points_to_the_response_and_escapes_the_title() {
    let u = url("https://example.org/a&b/");
    assert_eq!(
        discovery_link(&u, r#"Say "hi" <now>"#),
        r#"<link rel="alternate" type="application/json+oembed" href="https://example.org/a&amp;b/oembed.json" title="Say &quot;hi&quot; &lt;now&gt;">"#
    );
}
