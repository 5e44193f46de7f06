//! Tracking codes: short, human codes a resident can read out on the hotline (`HT-7K3M-9QXD`).
//!
//! Each report gets a number from a database sequence; the code is that number passed through a
//! fixed 40-bit permutation (a small Feistel network) and written in Crockford's base 32, so codes
//! are unique by construction, do not look sequential, and decode back to the number for lookup.
//! The permutation's keys are in this public source: anyone can decode a code to its number.
//! Codes are identifiers, not secrets, and prove nothing about who reported.

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const HALF_BITS: u32 = 20;
const HALF_MASK: u64 = (1 << HALF_BITS) - 1;
const ROUND_KEYS: [u64; 4] = [0x9E377, 0x7F4A7, 0xC2B2A, 0x3C6EF];

/// Largest report number a code can hold (2^40 - 1).
pub const MAX_NUMBER: u64 = (1 << (2 * HALF_BITS)) - 1;

fn round(half: u64, key: u64) -> u64 {
    let x = (half ^ key).wrapping_mul(0x2545F491) ^ (half >> 7);
    (x ^ (x >> 11)) & HALF_MASK
}

fn permute(n: u64) -> u64 {
    let (mut l, mut r) = (n >> HALF_BITS, n & HALF_MASK);
    for key in ROUND_KEYS {
        (l, r) = (r, l ^ round(r, key));
    }
    (l << HALF_BITS) | r
}

fn unpermute(n: u64) -> u64 {
    let (mut l, mut r) = (n >> HALF_BITS, n & HALF_MASK);
    for key in ROUND_KEYS.iter().rev() {
        (l, r) = (r ^ round(l, *key), l);
    }
    (l << HALF_BITS) | r
}

/// The code for a report number (numbers above [`MAX_NUMBER`] wrap, which a sequence never
/// reaches in practice: a trillion reports).
pub fn encode(number: u64) -> String {
    let p = permute(number & MAX_NUMBER);
    let mut chars = [0u8; 8];
    for (i, c) in chars.iter_mut().enumerate() {
        *c = ALPHABET[((p >> (35 - 5 * i)) & 31) as usize];
    }
    let s = String::from_utf8_lossy(&chars).into_owned();
    format!("HT-{}-{}", &s[..4], &s[4..])
}

/// The report number for a code as a person might type or say it: case, hyphens, spaces and the
/// `HT` prefix are optional, and the look-alikes I/L (1) and O (0) are accepted.
pub fn decode(code: &str) -> Option<u64> {
    let upper = code.trim().to_ascii_uppercase();
    let body = upper.strip_prefix("HT").unwrap_or(&upper);
    let mut value: u64 = 0;
    let mut count = 0;
    for ch in body.chars().filter(|c| !matches!(c, '-' | ' ')) {
        let ch = match ch {
            'I' | 'L' => '1',
            'O' => '0',
            other => other,
        };
        let digit = ALPHABET.iter().position(|a| char::from(*a) == ch)? as u64;
        value = (value << 5) | digit;
        count += 1;
    }
    (count == 8).then(|| unpermute(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn shape_is_short_and_readable() {
        let code = encode(1);
        assert_eq!(code.len(), 12, "{code}");
        assert!(code.starts_with("HT-"));
        assert_ne!(encode(1), encode(2));
    }

    #[test]
    fn tolerant_decoding() {
        let code = encode(123_456);
        assert_eq!(decode(&code), Some(123_456));
        assert_eq!(
            decode(&code.to_lowercase().replace('-', " ")),
            Some(123_456)
        );
        assert_eq!(decode("HT-1234"), None);
        assert_eq!(decode("HT-UUUU-UUUU"), None);
    }

    proptest! {
        #[test]
        fn encode_decode_round_trip(n in 0..=MAX_NUMBER) {
            prop_assert_eq!(decode(&encode(n)), Some(n));
        }

        #[test]
        fn permutation_is_a_bijection(a in 0..=MAX_NUMBER, b in 0..=MAX_NUMBER) {
            prop_assume!(a != b);
            prop_assert_ne!(permute(a), permute(b));
            prop_assert_eq!(unpermute(permute(a)), a);
        }
    }
}
