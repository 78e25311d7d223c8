//! Proc macros over taobao-api-gen. They only wire: read spec files, call the generator, turn
//! diagnostics into `compile_error!`s with the spec's file and line.
