import Foundation
import Testing
@testable import GraphPages

@Suite struct MarkupTests {
    /// FIPS 180-2 test vectors.
    @Test func sha256KnownVectors() {
        let hex = { (s: String) in SHA256.digest(Array(s.utf8)).map { String(format: "%02x", $0) }.joined() }
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func scriptJSONHasNothingThatEndsTheElement() {
        let s = Markup.scriptJSON(#"{"a":"</script><script>x</script><!-- & \#u{2028}\#u{2029}"}"#)
        #expect(!s.contains("<") && !s.contains(">") && !s.contains("&"))
        #expect(!s.contains("\u{2028}") && !s.contains("\u{2029}"))
        // Still the same JSON.
        let back = try? JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: String]
        #expect(back?["a"] == "</script><script>x</script><!-- & \u{2028}\u{2029}")
    }

    @Test func onlyWebURLsBecomeLinks() {
        #expect(Markup.webURL("https://example.org/a?b=c") == "https://example.org/a?b=c")
        #expect(Markup.webURL("HTTP://example.org") == "HTTP://example.org")
        for bad in ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<b>",
                    "s. 38", "file:///etc/passwd", "https://", "https://exa mple.org", "vbscript:x", "//example.org"] {
            #expect(Markup.webURL(bad) == nil, "\(bad)")
        }
    }

    @Test func htmlEscapesEveryMarkupCharacter() {
        #expect(Markup.html(#"<img src=x onerror="a">&'"#) == "&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;")
    }
}
