//! Crockford's base-32 alphabet (no I, L, O or U), for codes read, pasted and typed: bytes to
//! text and back, case-insensitive, refusing stray characters and non-zero padding bits.

/// The 32 symbols, in value order.
pub const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The value of a symbol (either case), none for any other character.
pub fn value(symbol: u8) -> Option<u8> {
    let upper = symbol.to_ascii_uppercase();
    ALPHABET.iter().position(|&s| s == upper).map(|v| v as u8)
}

/// Bytes as symbols, five bits at a time (the last symbol padded with zero bits).
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 8 / 5 + 1);
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// Symbols back to bytes; none for a character outside the alphabet, a length no encoding
/// gives, or padding bits that are not zero.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for symbol in text.bytes() {
        buffer = (buffer << 5) | u32::from(value(symbol)?);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    (bits < 5 && buffer == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip_at_every_length() {
        let bytes: Vec<u8> = (0..=255u8).rev().collect();
        for n in 0..40 {
            assert_eq!(decode(&encode(&bytes[..n])).as_deref(), Some(&bytes[..n]));
        }
        assert_eq!(
            decode(&encode(b"hi").to_lowercase()).as_deref(),
            Some(&b"hi"[..])
        );
    }

    #[test]
    fn stray_characters_and_padding_bits_are_refused() {
        assert_eq!(decode("0O"), None);
        assert_eq!(decode("01"), None, "non-zero padding bits");
        assert_eq!(decode("0"), None, "a length no encoding gives");
    }
}
