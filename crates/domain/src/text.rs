//! Vietnamese text handling: what is stored is NFC, free of control characters, and trimmed.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

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

/// Folds Vietnamese text for search and comparison: lower case, diacritics removed, `đ` to `d`
/// (it does not decompose under NFD, so it is mapped explicitly).
pub fn fold(input: &str) -> String {
    input
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
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

    #[test]
    fn fold_removes_diacritics_and_maps_d_stroke() {
        assert_eq!(
            fold("Đường Lê Lợi, Phường Phú Xuân"),
            "duong le loi, phuong phu xuan"
        );
        assert_eq!(fold("NGẬP LỤT"), "ngap lut");
    }
}
