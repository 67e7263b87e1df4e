; Syntax highlighting for schema.dsl (tree-sitter queries; node names from grammar.js).

(comment) @comment
(doc_comment) @comment.documentation

[
  "schema" "extension" "enum" "table"
  "primary" "key" "unique" "foreign" "references" "check" "default" "identity" "always" "generated"
  "index" "using" "include" "where" "asc" "desc" "nulls" "first" "last"
  "on" "delete" "update" "cascade" "restrict" "set" "no" "action"
  "hypertable" "chunk_interval" "retention" "compression" "segment_by" "order_by" "after"
  "partition_by" "hash" "range" "integer_now"
  "query" "one" "many" "order" "by" "limit"
  "@renamed_from"
] @keyword

(renamed_from "@renamed_from" @attribute)

(table name: (qname name: (_) @type.definition))
(table name: (qname schema: (_) @namespace))
(enum name: (_) @type.definition)
(enum label: (_) @constant)
(schema_block name: (_) @namespace)
(extension name: (_) @module)

(column name: (_) @property)
(type name: (_) @type.builtin)
(type schema: (_) @namespace)
(double_precision) @type.builtin
(type modifier: (number) @number)
"?" @operator

(primary_key name: (_) @label)
(unique name: (_) @label)
(foreign_key name: (_) @label)
(check name: (_) @label)
(inline_check name: (_) @label)
(index name: (_) @label)
(index method: (_) @function.builtin)
(index_key opclass: (_) @function.builtin)

(hypertable time_column: (_) @property)
(partition_by column: (_) @property)
(integer_now function: (qname name: (_) @function))
(integer_now function: (qname schema: (_) @namespace))
(span_part unit: (identifier) @type.builtin)

(query name: (_) @function)
(param name: (_) @variable.parameter)
(param_ref) @variable.parameter

(call function: (qname name: (_) @function.call))

(string) @string
(number) @number
(boolean) @boolean
(null) @constant.builtin
(quoted_identifier) @string.special
(operator) @operator
"->" @punctuation.delimiter

["(" ")" "{" "}" "[" "]"] @punctuation.bracket
["," "."] @punctuation.delimiter
