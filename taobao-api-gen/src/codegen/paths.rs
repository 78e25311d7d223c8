//! How generated code names things outside its module: the runtime crate by its root path
//! (`::taobao_api` by default, or the path an application gives when it renamed the
//! dependency), and std prelude items by their short names unless the module defines a type of
//! the same name (a spec DTO called `Result` or `Option`), in which case by absolute path. Short
//! names keep the generated code readable in snapshots; the check keeps it correct.

use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeSet;

/// Prelude names generated code uses.
const PRELUDE: &[&str] = &[
    "Option", "Some", "None", "String", "Vec", "Into", "Result", "Ok", "Err", "Default",
];

/// Path tokens for one module.
#[derive(Debug, Clone)]
pub(crate) struct Paths {
    root: TokenStream,
    /// Prelude names that a type of this module shadows.
    shadowed: BTreeSet<&'static str>,
}

impl Paths {
    /// Paths for a module whose own type names are `names`.
    pub(crate) fn new(root: &TokenStream, names: impl IntoIterator<Item = impl AsRef<str>>) -> Self {
        let names: BTreeSet<String> = names.into_iter().map(|n| n.as_ref().to_owned()).collect();
        let shadowed = PRELUDE.iter().copied().filter(|p| names.contains(*p)).collect();
        Paths {
            root: root.clone(),
            shadowed,
        }
    }

    /// The runtime crate's root path.
    pub(crate) fn root(&self) -> &TokenStream {
        &self.root
    }

    /// `name`, or the `full` path when a type of the module shadows it (built only then: the
    /// paths are asked for once per field and rarely needed).
    fn prelude(&self, name: &'static str, full: impl FnOnce() -> TokenStream) -> TokenStream {
        if self.shadowed.contains(name) {
            full()
        } else {
            let id = proc_macro2::Ident::new(name, proc_macro2::Span::call_site());
            quote!(#id)
        }
    }

    pub(crate) fn option(&self) -> TokenStream {
        self.prelude("Option", || quote!(::std::option::Option))
    }

    pub(crate) fn some(&self) -> TokenStream {
        self.prelude("Some", || quote!(::std::option::Option::Some))
    }

    pub(crate) fn none(&self) -> TokenStream {
        self.prelude("None", || quote!(::std::option::Option::None))
    }

    pub(crate) fn string(&self) -> TokenStream {
        self.prelude("String", || quote!(::std::string::String))
    }

    pub(crate) fn vec(&self) -> TokenStream {
        self.prelude("Vec", || quote!(::std::vec::Vec))
    }

    pub(crate) fn into(&self) -> TokenStream {
        self.prelude("Into", || quote!(::std::convert::Into))
    }

    pub(crate) fn result(&self) -> TokenStream {
        self.prelude("Result", || quote!(::std::result::Result))
    }

    pub(crate) fn ok(&self) -> TokenStream {
        self.prelude("Ok", || quote!(::std::result::Result::Ok))
    }

    pub(crate) fn err(&self) -> TokenStream {
        self.prelude("Err", || quote!(::std::result::Result::Err))
    }

    pub(crate) fn default_trait(&self) -> TokenStream {
        self.prelude("Default", || quote!(::std::default::Default))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prelude_names_are_qualified_only_when_shadowed() {
        let root = quote!(::taobao_api);
        let plain = Paths::new(&root, ["SpiResult", "ServiceType"]);
        assert_eq!(plain.option().to_string(), "Option");
        assert_eq!(plain.result().to_string(), "Result");
        let shadowing = Paths::new(&root, ["Result", "Option"]);
        assert_eq!(shadowing.result().to_string(), ":: std :: result :: Result");
        assert_eq!(shadowing.option().to_string(), ":: std :: option :: Option");
        assert_eq!(shadowing.some().to_string(), "Some");
    }
}
