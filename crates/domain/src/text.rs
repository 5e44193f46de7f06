//! Vietnamese text handling: what is stored is NFC, free of control characters, and trimmed.

use unicode_normalization::UnicodeNormalization;

/// Normalises free text a person typed: NFC, `\r\n` to `\n`, control characters other than
/// newline and tab removed (PostgreSQL cannot store NUL, and the rest only hide content), and
/// surrounding whitespace trimmed.
pub fn clean(input: &str) -> String {
    let unified = input.replace("\r\n", "\n");
    let kept: String = unified
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .nfc()
        .collect();
    kept.trim().to_owned()
}

/// Number of characters as a person counts them after NFC (Unicode scalar values).
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_normalises_to_nfc_and_strips_controls() {
        // "Huế" typed with a combining circumflex and acute (NFD) becomes the composed form.
        let decomposed = "Hue\u{0302}\u{0301}";
        assert_eq!(clean(decomposed), "Huế");
        assert_eq!(char_len(&clean(decomposed)), 3);
        assert_eq!(clean("  a\u{0}b\r\nc\u{7}  "), "ab\nc");
    }
}
