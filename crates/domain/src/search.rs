//! What a search (`q=`) asks for: its words, and the report a tracking code names. Folding (case,
//! diacritics, đ) is the database's (`ht_fold`), so that the words and the text they are matched
//! against are folded by one function.

use crate::Error;

/// The longest query taken, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Words of a query that count: the first this many.
pub const MAX_WORDS: usize = 8;
/// Words at least this long also match a word spelt a little differently (a typo).
pub const TYPO_MIN_CHARS: usize = 4;

/// A search, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// The whole query, for ranking.
    pub text: String,
    /// Its words (at least 2 characters each), each to be found in a report's text.
    pub words: Vec<String>,
    /// The report number a query written as a tracking code names (`HT-VW8M-M8M4`).
    pub number: Option<u64>,
}

impl Search {
    /// `q` as given: `None` when absent or blank; `invalid_query` when longer than
    /// [`MAX_QUERY_CHARS`] or without a word of two characters.
    pub fn parse(q: Option<&str>) -> Result<Option<Search>, Error> {
        let Some(q) = q.map(str::trim).filter(|q| !q.is_empty()) else {
            return Ok(None);
        };
        if q.chars().count() > MAX_QUERY_CHARS
            || q.chars().any(|c| c.is_control() && !c.is_whitespace())
        {
            return Err(Error::InvalidQuery);
        }
        let number = crate::tracking::decode(q);
        let words: Vec<String> = q
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.' | '!' | '?'))
            .filter(|w| w.chars().count() >= 2)
            .take(MAX_WORDS)
            .map(str::to_owned)
            .collect();
        if words.is_empty() && number.is_none() {
            return Err(Error::InvalidQuery);
        }
        Ok(Some(Search {
            text: q.to_owned(),
            words,
            number,
        }))
    }
}

/// A word as a `LIKE` pattern's inside: `%`, `_` and `\` taken literally.
pub fn like_escaped(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_is_its_words_and_maybe_a_tracking_code() {
        assert_eq!(Search::parse(None), Ok(None));
        assert_eq!(Search::parse(Some("   ")), Ok(None));
        let s = Search::parse(Some(" ngập  nước, đường Lê Lợi "))
            .expect("ok")
            .expect("some");
        assert_eq!(s.words, ["ngập", "nước", "đường", "Lê", "Lợi"]);
        assert_eq!(s.text, "ngập  nước, đường Lê Lợi");
        assert_eq!(s.number, None);
        let code = crate::tracking::encode(42);
        let s = Search::parse(Some(&code)).expect("ok").expect("some");
        assert_eq!(s.number, Some(42));
        assert_eq!(Search::parse(Some("a b")), Err(Error::InvalidQuery));
        assert_eq!(
            Search::parse(Some(&"x".repeat(201))),
            Err(Error::InvalidQuery)
        );
        assert_eq!(Search::parse(Some("ngập\u{0}")), Err(Error::InvalidQuery));
        // A tab or a line break pasted in is a space.
        let pasted = Search::parse(Some("ngập\tnước\n"))
            .expect("ok")
            .expect("some");
        assert_eq!(pasted.words, ["ngập", "nước"]);
        let many = Search::parse(Some("aa bb cc dd ee ff gg hh ii jj"))
            .expect("ok")
            .expect("some");
        assert_eq!(many.words.len(), MAX_WORDS);
    }

    #[test]
    fn like_patterns_take_wildcards_literally() {
        assert_eq!(like_escaped("50%_off\\"), "50\\%\\_off\\\\");
        assert_eq!(like_escaped("đường"), "đường");
    }
}
