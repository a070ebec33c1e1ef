//! JSON values in Python's `marshal` format, the way the harness reads its
//! spec. `marshal` is built into every interpreter and already loaded when
//! a script starts; `json` is not, and brings `re`, `enum`, `functools` and
//! `collections` with it: about 10 ms on a 15 ms start of a plain CPython
//! 3.11, more than everything else the harness does for a passing kata.
//!
//! Only the codes of marshal's version 2 are written (no references), which
//! every Python 3 reads, and which is what `marshal.dumps(value, 2)` writes
//! for the same value. The harness keeps that form of the spec from before
//! the learner's code runs and compares it with the spec it holds after.

use serde_json::Value;

/// `value` as `marshal.dumps(value, 2)` writes it.
pub fn dumps(value: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    write(value, &mut out);
    out
}

fn write(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Null => out.push(b'N'),
        Value::Bool(true) => out.push(b'T'),
        Value::Bool(false) => out.push(b'F'),
        Value::Number(n) => {
            if let Some(small) = n.as_i64().and_then(|i| i32::try_from(i).ok()) {
                out.push(b'i');
                out.extend_from_slice(&small.to_le_bytes());
            } else if let Some(big) = n.as_i64().map(i128::from).or(n.as_u64().map(i128::from)) {
                write_long(big, out);
            } else {
                out.push(b'g');
                out.extend_from_slice(&n.as_f64().unwrap_or(f64::NAN).to_le_bytes());
            }
        }
        Value::String(s) => {
            out.push(b'u');
            write_len(s.len(), out);
            out.extend_from_slice(s.as_bytes());
        }
        Value::Array(items) => {
            out.push(b'[');
            write_len(items.len(), out);
            for item in items {
                write(item, out);
            }
        }
        Value::Object(fields) => {
            out.push(b'{');
            for (key, item) in fields {
                out.push(b'u');
                write_len(key.len(), out);
                out.extend_from_slice(key.as_bytes());
                write(item, out);
            }
            // TYPE_NULL ends a dict.
            out.push(b'0');
        }
    }
}

/// A length as marshal writes it: 32 bits, little-endian. Nothing pykata
/// sends comes near 4 GiB (the spec holds a kata's code).
fn write_len(len: usize, out: &mut Vec<u8>) {
    let len = u32::try_from(len).unwrap_or(u32::MAX);
    out.extend_from_slice(&len.to_le_bytes());
}

/// An int past 32 bits: its count of 15-bit digits (negative for a
/// negative number), then the digits, least significant first.
fn write_long(value: i128, out: &mut Vec<u8>) {
    let mut magnitude = value.unsigned_abs();
    let mut digits = Vec::new();
    while magnitude > 0 {
        digits.push((magnitude & 0x7fff) as u16);
        magnitude >>= 15;
    }
    let count = digits.len() as i32;
    out.push(b'l');
    out.extend_from_slice(&(if value < 0 { -count } else { count }).to_le_bytes());
    for digit in digits {
        out.extend_from_slice(&digit.to_le_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::dumps;
    use serde_json::json;

    #[test]
    fn small_values_have_marshals_codes() {
        assert_eq!(dumps(&json!(null)), b"N");
        assert_eq!(dumps(&json!(true)), b"T");
        assert_eq!(dumps(&json!(-2)), b"i\xfe\xff\xff\xff");
        assert_eq!(dumps(&json!("é")), b"u\x02\x00\x00\x00\xc3\xa9");
        assert_eq!(dumps(&json!([])), b"[\x00\x00\x00\x00");
        assert_eq!(dumps(&json!({})), b"{0");
        // 2**31: two 15-bit digits would not hold it, three do.
        assert_eq!(
            dumps(&json!(2_147_483_648_u64)),
            b"l\x03\x00\x00\x00\x00\x00\x00\x00\x02\x00"
        );
    }

    /// The real interpreter reads what is written, and writes the same
    /// bytes back with `marshal.dumps(value, 2)` (the harness's test for a
    /// changed spec relies on it).
    #[test]
    fn python_reads_it_and_writes_the_same_bytes() {
        let Ok(python) = crate::runner::python::find(None) else {
            eprintln!("no Python: skipped");
            return;
        };
        let value = json!({
            "text": "line\n\"quoted\" \\ tab\t ünïcode ✓ 𝄞 \u{0}",
            "numbers": [0, 1, -1, 2_147_483_647, -2_147_483_648, 2_147_483_648_u64,
                        -9_007_199_254_740_993_i64, u64::MAX, 1.5, -0.25],
            "flags": [true, false, null],
            "nested": {"a": [{"b": []}], "": ""},
        });
        let bytes = dumps(&value);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("value.marshal");
        std::fs::write(&path, &bytes).unwrap();
        let script = "import json, marshal, sys\n\
            raw = open(sys.argv[1], 'rb').read()\n\
            value = marshal.loads(raw)\n\
            assert marshal.dumps(value, 2) == raw, 'not the bytes Python writes'\n\
            print(json.dumps(value))";
        let out = python
            .command()
            .arg("-c")
            .arg(script)
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let back: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(back, value);
    }
}
