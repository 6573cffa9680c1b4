//! A small JSON reader for presets, as a serde `Deserializer`: the CLI's `--preset-file` and the page's
//! preset object (passed as `JSON.stringify(object)`) go through this one path into [`Preset`].
//!
//! Why not serde_json in the wasm: every serde error message that can name an unexpected value pulls in
//! the float formatter (serde's `Unexpected::Float`), about 20 KB of gzip for the page. Here numbers stay
//! their text (read exactly by `Exact`), and every error is one of our own Chinese sentences.
//!
//! [`Preset`]: super::preset::Preset

use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A JSON value; numbers keep their text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Value {
    Null,
    Bool(bool),
    Number(String),
    Text(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

/// Why JSON could not be read into a preset: a Chinese sentence, never one naming a binary float.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError(pub String);

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for JsonError {}

impl de::Error for JsonError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        JsonError(msg.to_string())
    }
    // The defaults would print the unexpected value (and with it link the float formatter).
    fn invalid_type(_: de::Unexpected, exp: &dyn de::Expected) -> Self {
        JsonError(format!("类型不对，应为{exp}"))
    }
    fn invalid_value(_: de::Unexpected, exp: &dyn de::Expected) -> Self {
        JsonError(format!("取值不对，应为{exp}"))
    }
    fn invalid_length(len: usize, exp: &dyn de::Expected) -> Self {
        JsonError(format!("有 {len} 项，应为{exp}"))
    }
    fn unknown_field(field: &str, _: &'static [&'static str]) -> Self {
        JsonError(format!("未知的字段“{field}”"))
    }
    fn missing_field(field: &'static str) -> Self {
        JsonError(format!("缺少字段“{field}”"))
    }
    fn duplicate_field(field: &'static str) -> Self {
        JsonError(format!("字段“{field}”重复"))
    }
}

/// Reads `text` as JSON into `T`.
///
/// # Errors
/// A [`JsonError`] saying where the text is not JSON or what does not fit `T`.
pub fn from_str<'de, T: de::Deserialize<'de>>(text: &str) -> Result<T, JsonError> {
    let mut p = Parser {
        chars: text.char_indices().peekable(),
        text,
    };
    let value = p.value(0)?;
    p.space();
    if let Some(&(at, _)) = p.chars.peek() {
        return Err(p.error(at, "JSON 之后还有多余的内容"));
    }
    T::deserialize(value)
}

struct Parser<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    text: &'a str,
}

impl Parser<'_> {
    fn error(&self, at: usize, what: &str) -> JsonError {
        let before = self.text.get(..at).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        JsonError(format!(
            "不是有效的 JSON（第 {line} 行第 {column} 列：{what}）"
        ))
    }

    fn space(&mut self) {
        while self.chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
            self.chars.next();
        }
    }

    fn at(&mut self) -> usize {
        self.chars.peek().map_or(self.text.len(), |&(i, _)| i)
    }

    fn value(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.space();
        let at = self.at();
        if depth > 32 {
            return Err(self.error(at, "嵌套过深"));
        }
        match self.chars.peek().map(|&(_, c)| c) {
            Some('{') => self.object(depth),
            Some('[') => self.array(depth),
            Some('"') => self.string().map(Value::Text),
            Some('t') => self.word("true", Value::Bool(true)),
            Some('f') => self.word("false", Value::Bool(false)),
            Some('n') => self.word("null", Value::Null),
            Some(c) if c == '-' || c.is_ascii_digit() => Ok(Value::Number(self.number())),
            Some(_) => Err(self.error(at, "无法识别的字符")),
            None => Err(self.error(at, "内容不完整")),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, JsonError> {
        let at = self.at();
        for w in word.chars() {
            if self.chars.next().map(|(_, c)| c) != Some(w) {
                return Err(self.error(at, "无法识别的字符"));
            }
        }
        Ok(value)
    }

    fn number(&mut self) -> String {
        let mut s = String::new();
        while let Some(&(_, c)) = self.chars.peek() {
            if !(c.is_ascii_digit() || "+-.eE".contains(c)) {
                break;
            }
            s.push(c);
            self.chars.next();
        }
        s
    }

    fn string(&mut self) -> Result<String, JsonError> {
        let at = self.at();
        self.chars.next(); // the opening quote
        let mut s = String::new();
        loop {
            match self.chars.next() {
                Some((_, '"')) => return Ok(s),
                Some((_, '\\')) => match self.chars.next().map(|(_, c)| c) {
                    Some('n') => s.push('\n'),
                    Some('t') => s.push('\t'),
                    Some('r') => s.push('\r'),
                    Some('b') => s.push('\u{8}'),
                    Some('f') => s.push('\u{c}'),
                    Some('u') => {
                        let hex: String = (0..4)
                            .filter_map(|_| self.chars.next().map(|(_, c)| c))
                            .collect();
                        let code = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
                        s.push(code.ok_or_else(|| self.error(at, "字符串中的 \\u 转义无效"))?);
                    }
                    Some(c) => s.push(c),
                    None => return Err(self.error(at, "字符串没有结束")),
                },
                Some((_, c)) => s.push(c),
                None => return Err(self.error(at, "字符串没有结束")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.chars.next();
        let mut items = Vec::new();
        loop {
            self.space();
            if self.chars.peek().map(|&(_, c)| c) == Some(']') && items.is_empty() {
                self.chars.next();
                return Ok(Value::Array(items));
            }
            items.push(self.value(depth + 1)?);
            self.space();
            let at = self.at();
            match self.chars.next().map(|(_, c)| c) {
                Some(',') => continue,
                Some(']') => return Ok(Value::Array(items)),
                _ => return Err(self.error(at, "数组中缺少“,”或“]”")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.chars.next();
        let mut fields = Vec::new();
        loop {
            self.space();
            let at = self.at();
            match self.chars.peek().map(|&(_, c)| c) {
                Some('}') if fields.is_empty() => {
                    self.chars.next();
                    return Ok(Value::Object(fields));
                }
                Some('"') => {}
                _ => return Err(self.error(at, "对象的键应为字符串")),
            }
            let key = self.string()?;
            self.space();
            let at = self.at();
            if self.chars.next().map(|(_, c)| c) != Some(':') {
                return Err(self.error(at, "键后缺少“:”"));
            }
            fields.push((key, self.value(depth + 1)?));
            self.space();
            let at = self.at();
            match self.chars.next().map(|(_, c)| c) {
                Some(',') => continue,
                Some('}') => return Ok(Value::Object(fields)),
                _ => return Err(self.error(at, "对象中缺少“,”或“}”")),
            }
        }
    }
}

impl<'de> de::Deserializer<'de> for Value {
    type Error = JsonError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        match self {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            // a number is handed over as its text: `Exact` reads it without a float
            Value::Number(text) | Value::Text(text) => visitor.visit_string(text),
            Value::Array(items) => visitor.visit_seq(Items(items.into_iter())),
            Value::Object(fields) => visitor.visit_map(Fields {
                fields: fields.into_iter(),
                value: None,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        match self {
            Value::Null => visitor.visit_none(),
            v => visitor.visit_some(v),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, JsonError> {
        match self {
            Value::Object(_) => self.deserialize_any(visitor),
            _ => Err(JsonError("应为一个 JSON 对象".into())),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        match self {
            Value::Bool(b) => visitor.visit_bool(b),
            _ => Err(JsonError("应为 true 或 false".into())),
        }
    }

    // a number is kept as its text (read later as an exact Decimal), whatever type is asked for: the
    // binary-float requests go to deserialize_any like every other
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        self.deserialize_any(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, JsonError> {
        self.deserialize_any(visitor)
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 char str string bytes byte_buf unit
        unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

impl IntoDeserializer<'_, JsonError> for Value {
    type Deserializer = Value;
    fn into_deserializer(self) -> Value {
        self
    }
}

struct Items(std::vec::IntoIter<Value>);

impl<'de> SeqAccess<'de> for Items {
    type Error = JsonError;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, JsonError> {
        self.0.next().map(|v| seed.deserialize(v)).transpose()
    }
}

struct Fields {
    fields: std::vec::IntoIter<(String, Value)>,
    value: Option<Value>,
}

impl<'de> MapAccess<'de> for Fields {
    type Error = JsonError;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, JsonError> {
        match self.fields.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(Value::Text(key)).map(Some)
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, JsonError> {
        seed.deserialize(self.value.take().unwrap_or(Value::Null))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_json_and_keeps_numbers_as_text() {
        let v: Result<Vec<(String, String)>, _> = from_str(r#"[["0.1", 0.25], ["1e2", -3]]"#);
        assert_eq!(
            v.ok(),
            Some(vec![
                ("0.1".into(), "0.25".into()),
                ("1e2".into(), "-3".into())
            ])
        );
        for bad in ["", "{", "[1,", r#"{"a" 1}"#, "tru", "[1] x", r#""abc"#] {
            assert!(from_str::<Vec<String>>(bad).is_err(), "{bad:?}");
        }
    }
}
