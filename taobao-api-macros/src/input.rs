//! The macro's input: the spec path, then options (`crate = path`, `features`).

use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Path, Token};

/// `"specs" [, crate = path] [, features]`.
pub(crate) struct Input {
    pub(crate) path: LitStr,
    pub(crate) root: Option<Path>,
    pub(crate) features: bool,
}

impl Parse for Input {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path: LitStr = input.parse()?;
        let mut parsed = Input {
            path,
            root: None,
            features: false,
        };
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            if input.peek(Token![crate]) {
                input.parse::<Token![crate]>()?;
                input.parse::<Token![=]>()?;
                parsed.root = Some(input.call(Path::parse_mod_style)?);
                continue;
            }
            let option: syn::Ident = input.parse()?;
            match option.to_string().as_str() {
                "features" => parsed.features = true,
                other => {
                    return Err(syn::Error::new(
                        option.span(),
                        format!("unknown option `{other}`: expected `crate = path` or `features`"),
                    ));
                }
            }
        }
        Ok(parsed)
    }
}
