//! Splits a page into its parts: the preamble (breadcrumb, title, description), the request,
//! response and error-code tables, and the three code examples.
//!
//! Headings (`请求参数`, `响应示例`...) are used when present; pages pasted without them are read
//! by content: table header rows, a Java line (`TaobaoClient ...`), an XML or JSON document.

use super::lines::{Header, Heading, Line, header, heading, is_rule_row, strip_line_numbers};

/// The lines of one table.
#[derive(Debug, Clone, Default)]
pub struct Table<'a> {
    /// The `请求参数`-style heading line.
    pub heading: Option<Line<'a>>,
    /// The header row.
    pub header: Option<Line<'a>>,
    /// True when the header or the rows use `|` cells.
    pub markdown: bool,
    /// Row lines (blank lines and markdown rule rows dropped).
    pub lines: Vec<Line<'a>>,
}

/// Which code example a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// 请求示例.
    Request,
    /// 响应示例.
    Response,
    /// 异常示例.
    Error,
}

/// The lines of one code example.
#[derive(Debug, Clone)]
pub struct Block<'a> {
    /// Its lines, line numbers of flattened copies not yet removed.
    pub lines: Vec<Line<'a>>,
}

/// The parts of a page.
#[derive(Debug, Clone, Default)]
pub struct Sections<'a> {
    /// Lines before the first heading or table.
    pub preamble: Vec<Line<'a>>,
    /// 请求参数.
    pub request: Option<Table<'a>>,
    /// 响应参数.
    pub response: Option<Table<'a>>,
    /// 错误码解释.
    pub error_codes: Option<Table<'a>>,
    /// 请求示例 (Java).
    pub java: Option<Block<'a>>,
    /// 响应示例.
    pub response_example: Option<Block<'a>>,
    /// 异常示例.
    pub error_example: Option<Block<'a>>,
    /// The part the page ends in (to tell a page cut off mid-table).
    pub last: Option<Header>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Preamble,
    Skip,
    Table(Header),
    Await(Slot),
    Code(Slot, Kind),
    Tail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Java,
    Doc,
}

/// The doc center's language tabs above each example.
fn is_tab_label(body: &str) -> bool {
    matches!(
        body,
        "JAVA"
            | ".NET"
            | "PHP"
            | "CURL"
            | "Python"
            | "C/C++"
            | "NodeJS"
            | "XML示例"
            | "JSON示例"
            | "Java"
            | "XML"
            | "JSON"
    )
}

fn is_java_start(code: &str) -> bool {
    code.starts_with("TaobaoClient") || code.contains("new DefaultTaobaoClient") || {
        let compact: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        compact.contains("Requestreq=new")
    }
}

fn is_doc_start(code: &str) -> bool {
    let rest = code.trim_start_matches(['<', '{', ' ']);
    (code.starts_with('<') && rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '?'))
        || (code.starts_with('{') && (rest.starts_with('"') || rest.is_empty()))
}

/// Splits the page's lines into sections.
pub fn split<'a>(lines: &[Line<'a>]) -> Sections<'a> {
    let mut s = Sections::default();
    let mut mode = Mode::Preamble;
    for line in lines {
        let (t, _) = line.trimmed();
        if line.is_blank() {
            if let Mode::Code(slot, _) = mode {
                s.block(slot).lines.push(*line);
            }
            continue;
        }
        if let Some(h) = heading(t) {
            mode = match h {
                Heading::Common => Mode::Skip,
                Heading::Request => {
                    s.table(Header::Request).heading = Some(*line);
                    Mode::Table(Header::Request)
                }
                Heading::Response => {
                    s.table(Header::Response).heading = Some(*line);
                    Mode::Table(Header::Response)
                }
                Heading::ErrorCodes => {
                    s.table(Header::ErrorCodes).heading = Some(*line);
                    Mode::Table(Header::ErrorCodes)
                }
                Heading::RequestExample => Mode::Await(Slot::Request),
                Heading::ResponseExample => Mode::Await(Slot::Response),
                Heading::ErrorExample => Mode::Await(Slot::Error),
                Heading::Tail => Mode::Tail,
            };
            s.note_last(mode);
            continue;
        }
        if mode == Mode::Tail {
            continue;
        }
        if let Some(h) = header(t) {
            if mode != Mode::Skip {
                let table = s.table(h);
                // A repeated header (a child table) continues the same table.
                table.header.get_or_insert(*line);
                table.markdown |= t.contains('|');
                mode = Mode::Table(h);
                s.note_last(mode);
            }
            continue;
        }
        let (code, _) = strip_line_numbers(t);
        let bullet_tab = line.bullet().is_some_and(|(b, _)| is_tab_label(b));
        if bullet_tab {
            continue;
        }
        let new_code = match mode {
            // Not in the preamble: an API description may quote JSON or HTML.
            Mode::Code(_, Kind::Java) | Mode::Skip | Mode::Table(_) if is_doc_start(code) => Some(Kind::Doc),
            Mode::Code(_, Kind::Doc) if is_doc_start(code) && s.current_complete(mode) => Some(Kind::Doc),
            Mode::Skip | Mode::Table(_) if is_java_start(code) => Some(Kind::Java),
            Mode::Await(Slot::Request) => Some(Kind::Java),
            Mode::Await(_) if is_doc_start(code) => Some(Kind::Doc),
            _ => None,
        };
        if let Some(kind) = new_code {
            let slot = match (mode, kind) {
                (_, Kind::Java) => Slot::Request,
                (Mode::Await(slot), _) => slot,
                _ if code.replace(' ', "").contains("error_response") => Slot::Error,
                _ if s.response_example.is_none() => Slot::Response,
                _ => Slot::Error,
            };
            mode = Mode::Code(slot, kind);
            let block = s.block(slot);
            block.lines.clear();
            block.lines.push(*line);
            s.note_last(mode);
            continue;
        }
        match mode {
            Mode::Preamble => s.preamble.push(*line),
            Mode::Table(h) => {
                if is_rule_row(t) {
                    continue;
                }
                let table = s.table(h);
                table.markdown |= table.lines.is_empty() && t.starts_with('|');
                table.lines.push(*line);
            }
            Mode::Code(slot, _) => s.block(slot).lines.push(*line),
            Mode::Skip | Mode::Await(_) | Mode::Tail => {}
        }
    }
    for slot in [Slot::Request, Slot::Response, Slot::Error] {
        let b = s.block(slot);
        while b.lines.last().is_some_and(Line::is_blank) {
            b.lines.pop();
        }
    }
    s.java.take_if(|b| b.lines.is_empty());
    s.response_example.take_if(|b| b.lines.is_empty());
    s.error_example.take_if(|b| b.lines.is_empty());
    s
}

impl<'a> Sections<'a> {
    fn table(&mut self, h: Header) -> &mut Table<'a> {
        match h {
            Header::Request => self.request.get_or_insert_with(Table::default),
            Header::Response => self.response.get_or_insert_with(Table::default),
            Header::ErrorCodes => self.error_codes.get_or_insert_with(Table::default),
        }
    }

    fn block(&mut self, slot: Slot) -> &mut Block<'a> {
        let b = match slot {
            Slot::Request => &mut self.java,
            Slot::Response => &mut self.response_example,
            Slot::Error => &mut self.error_example,
        };
        b.get_or_insert_with(|| Block { lines: Vec::new() })
    }

    fn note_last(&mut self, mode: Mode) {
        self.last = match mode {
            Mode::Table(h) => Some(h),
            _ => None,
        };
    }

    /// True when the code block being read holds a whole document (a new `<...` or `{` line
    /// then starts the next example rather than continuing this one).
    fn current_complete(&mut self, mode: Mode) -> bool {
        let Mode::Code(slot, _) = mode else { return true };
        let text: String = self
            .block(slot)
            .lines
            .iter()
            .map(|l| strip_line_numbers(l.trimmed().0).0)
            .collect();
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.starts_with('{') {
            return compact.matches('{').count() == compact.matches('}').count();
        }
        let root: String = compact
            .trim_start_matches('<')
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.' || *c == '-')
            .collect();
        !root.is_empty() && compact.contains(&format!("</{root}>"))
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::split_lines;
    use super::*;

    #[test]
    fn headingless_markdown_page() {
        let page = "名称 | 类型 | 是否必须 | 示例值 | 更多限制 | 描述 |\n---|---|---|---|---|---|\na | String | 必须 | 1 | x |\n\
                    名称 | 类型 | 示例值 | 描述 |\n---|\nb | String | 2 | y |\n\
                    1 2 3 TaobaoClient c = new DefaultTaobaoClient(u, k, s); XRequest req = new XRequest();\n\
                    1 2 <x_response> <b>2</b> </x_response>\n1 2 <error_response><code>1</code></error_response>\n";
        let lines = split_lines(page);
        let s = split(&lines);
        let req = s.request.unwrap();
        assert!(req.markdown);
        assert_eq!(req.lines.len(), 1);
        assert_eq!(s.response.unwrap().lines.len(), 1);
        assert_eq!(s.java.unwrap().lines.len(), 1);
        assert!(s.response_example.unwrap().lines[0].text.contains("x_response"));
        assert!(s.error_example.unwrap().lines[0].text.contains("error_response"));
        assert_eq!(s.last, None);
    }

    #[test]
    fn page_cut_off_in_a_table() {
        let lines = split_lines("请求参数\n\n名称 类型 是否必须 示例值 更多限制 描述\na String 必须 1 x\n");
        let s = split(&lines);
        assert_eq!(s.last, Some(Header::Request));
        assert!(s.request.unwrap().heading.is_some());
    }
}
