// A path with no spec files is an error on the literal, not a panic.
mod bindings {
    taobao_api_macros::include_specs!("ui/no-such-dir");
}

fn main() {}
