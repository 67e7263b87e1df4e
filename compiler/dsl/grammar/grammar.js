// tree-sitter grammar for schema.dsl, the schemac schema language.
// SYNTAX.md beside this file is the reference; keep the two in step.
//
// Regenerate src/ with scripts/regen-grammar.sh (never edit src/parser.c by hand).
//
// Keywords are contextual: `word` makes every keyword an identifier that is only a keyword where the grammar
// expects that keyword, so columns may be called `timestamp`, `date`, `name`, `type`...
//
// Comments (`//`) and doc comments (`///`) are extras: they may appear anywhere and the parse stage attaches them
// to the declaration below them (or to the end of the line they close) by position.

const commaSep1 = (rule) => seq(rule, repeat(seq(',', rule)));

module.exports = grammar({
  name: 'schemac',

  word: ($) => $.identifier,

  extras: ($) => [/\s/, $.doc_comment, $.comment],

  // A column's modifiers and the table-level items that follow it can start with the same keyword
  // (`unique`, `primary key`, `check`), and newlines are not significant; GLR keeps both readings and the one that
  // fails drops out. Where both succeed (`check (...)`, `unique` + `index`), the inline reading wins by dynamic
  // precedence and the parse stage moves an item that starts its own line to table level (see SYNTAX.md).
  conflicts: ($) => [[$.column], [$.extension]],

  rules: {
    source_file: ($) => repeat($._item),

    _item: ($) => choice($.extension, $.enum, $.sequence, $.table, $.schema_block),

    schema_block: ($) =>
      seq('schema', field('name', $._name), '{', repeat(choice($.enum, $.sequence, $.table)), '}'),

    extension: ($) =>
      seq('extension', field('name', $._name), optional(seq('schema', field('schema', $._name)))),

    enum: ($) =>
      seq(
        optional(field('renamed_from', $.renamed_from)),
        'enum',
        field('name', $._name),
        '{',
        optional(seq(commaSep1(field('label', choice($._name, $.string))), optional(','))),
        '}',
      ),

    // `sequence order_numbers as integer (start 1000 cycle)`: a sequence of its own, for nextval() defaults. Its
    // type is a name (smallint, integer, bigint), so that `(` can only open the options.
    sequence: ($) =>
      seq(
        optional(field('renamed_from', $.renamed_from)),
        'sequence',
        field('name', $._name),
        optional(seq('as', field('type', $._name))),
        optional(seq('(', repeat1(field('option', $.identity_option)), ')')),
      ),

    table: ($) =>
      seq(
        optional(field('renamed_from', $.renamed_from)),
        optional(field('unlogged', 'unlogged')),
        'table',
        field('name', $.qname),
        '{',
        repeat($._table_item),
        '}',
      ),

    _table_item: ($) =>
      choice(
        $.column,
        $.primary_key,
        $.unique,
        $.foreign_key,
        $.check,
        $.exclude,
        $.index,
        $.hypertable,
        $.query,
        $.storage_parameters,
      ),

    // ---- columns ----------------------------------------------------------------------------------------------

    column: ($) =>
      seq(
        optional(field('renamed_from', $.renamed_from)),
        field('name', $._name),
        field('type', $.type),
        optional(field('nullable', '?')),
        repeat($._column_modifier),
      ),

    type: ($) =>
      seq(
        choice(
          field('name', $.double_precision),
          seq(optional(seq(field('schema', $._name), '.')), field('name', $._name)),
        ),
        optional(seq('(', commaSep1(field('modifier', $.number)), ')')),
        repeat(field('array', $.array_suffix)),
      ),

    double_precision: (_) => seq('double', 'precision'),

    array_suffix: (_) => seq('[', ']'),

    _column_modifier: ($) =>
      choice(
        $.inline_primary_key,
        $.inline_unique,
        $.inline_references,
        $.inline_check,
        $.default,
        $.identity,
        $.generated,
        $.collation,
      ),

    inline_primary_key: (_) => prec.dynamic(1, seq('primary', 'key')),
    inline_unique: (_) => prec.dynamic(1, 'unique'),
    inline_references: ($) =>
      prec.dynamic(
        1,
        seq(
          'references',
          field('table', $.qname),
          optional(seq('(', field('column', $._name), ')')),
          repeat(field('action', $.fk_action)),
        ),
      ),
    // A check with options is never a column's own (the parse stage says so, or moves one that begins a line to
    // table level); the inline reading takes them all the same. Otherwise `check (...) no inherit` on its own line
    // after a column would also read as that column's check followed by a column `no` of type `inherit`, and that
    // reading has the same dynamic precedence as the table-level one plus one for every inline modifier of the
    // items that follow, so it could win. With options the inline check outweighs the column `no` reading by one
    // whatever follows, and the table-level and the inline-with-options readings mean the same.
    inline_check: ($) =>
      choice(
        prec.dynamic(1, seq('check', optional(field('name', $._name)), field('expr', $.paren_sql))),
        prec.dynamic(
          2,
          seq(
            'check',
            optional(field('name', $._name)),
            field('expr', $.paren_sql),
            repeat1(field('option', $.constraint_option)),
          ),
        ),
      ),

    default: ($) => seq('default', field('value', $.default_value)),

    default_value: ($) =>
      seq(
        choice(
          $.number,
          seq('-', $.number),
          $.string,
          $.boolean,
          $.null,
          $.call,
          $.paren_sql,
          $._name,
        ),
        optional(seq('::', field('cast', $.type))),
      ),

    identity: ($) =>
      seq(
        'identity',
        optional(field('always', 'always')),
        optional(seq('(', repeat1(field('option', $.identity_option)), ')')),
      ),
    identity_option: ($) =>
      choice(
        seq(
          field('key', choice('start', 'increment', 'minvalue', 'maxvalue', 'cache')),
          optional(field('minus', '-')),
          field('value', $.number),
        ),
        field('key', 'cycle'),
      ),

    collation: ($) => seq('collate', field('name', $._name)),

    generated: ($) => seq('generated', field('expr', $.paren_sql)),

    // ---- table-level constraints -------------------------------------------------------------------------------

    primary_key: ($) =>
      seq(
        'primary',
        'key',
        optional(field('name', $._name)),
        '(',
        commaSep1(field('column', $._name)),
        ')',
        repeat(field('option', $.constraint_option)),
      ),

    unique: ($) =>
      seq(
        'unique',
        optional(field('name', $._name)),
        '(',
        commaSep1(field('column', $._name)),
        ')',
        repeat(field('option', $.constraint_option)),
      ),

    foreign_key: ($) =>
      seq(
        'foreign',
        'key',
        optional(field('name', $._name)),
        '(',
        commaSep1(field('column', $._name)),
        ')',
        'references',
        field('table', $.qname),
        optional(seq('(', commaSep1(field('ref_column', $._name)), ')')),
        repeat(choice(field('action', $.fk_action), field('option', $.constraint_option))),
      ),

    // Right after a column, `check (...) con_option*` also reads as that column's inline check (see inline_check).
    check: ($) =>
      seq(
        'check',
        optional(field('name', $._name)),
        field('expr', $.paren_sql),
        repeat(field('option', $.constraint_option)),
      ),

    // `exclude using gist (room with =, during with &&) where (...)`: EXCLUDE, its keys written as an index's.
    exclude: ($) =>
      seq(
        'exclude',
        optional(field('name', $._name)),
        optional(seq('using', field('method', $._name))),
        '(',
        commaSep1(field('element', $.exclude_element)),
        ')',
        optional(seq('where', field('where', $.paren_sql))),
        repeat(field('option', $.constraint_option)),
      ),
    exclude_element: ($) => seq(field('key', $.index_key), 'with', field('operator', $.exclude_operator)),
    // An operator as PostgreSQL lexes one, without `/` (it would start a comment here) and without the comma that
    // follows it: the SQL `operator` token below takes any run of punctuation.
    exclude_operator: (_) => /[+\-*<>=~!@#%^&|`?]+/,

    // Which option fits which constraint is the parse stage's to say (with a message naming the fit).
    constraint_option: (_) =>
      choice(
        'deferrable',
        seq('initially', choice('deferred', 'immediate')),
        seq('match', choice('full', 'simple')),
        seq('no', 'inherit'),
        seq('nulls', 'not', 'distinct'),
      ),

    fk_action: ($) =>
      seq('on', field('event', choice('delete', 'update')), field('action', $.referential_action)),

    referential_action: (_) =>
      choice('cascade', 'restrict', seq('set', 'null'), seq('set', 'default'), seq('no', 'action')),

    // ---- indexes -----------------------------------------------------------------------------------------------

    // A `with (...)` right after an index is the index's storage; the table's own `with` goes elsewhere (fmt
    // prints it first in the table).
    index: ($) =>
      prec.right(seq(
        optional(field('unique', 'unique')),
        'index',
        optional(field('name', $._name)),
        optional(seq('using', field('method', $._name))),
        '(',
        commaSep1(field('key', $.index_key)),
        ')',
        optional(seq('include', '(', commaSep1(field('include', $._name)), ')')),
        optional(field('nulls_not_distinct', seq('nulls', 'not', 'distinct'))),
        optional(field('storage', $.storage_parameters)),
        optional(seq('where', field('where', $.paren_sql))),
      )),

    // `with (fillfactor = 70, deduplicate_items = off)`: values as PostgreSQL's reloptions spell them.
    storage_parameters: ($) => seq('with', '(', commaSep1(field('param', $.storage_parameter)), ')'),
    storage_parameter: ($) =>
      seq(field('name', $.identifier), '=', field('value', choice($.number, $.identifier, $.string))),

    index_key: ($) =>
      seq(
        choice(field('column', $._name), field('expr', $.call), field('expr', $.paren_sql)),
        optional(seq('collate', field('collation', $._name))),
        optional(field('opclass', $._name)),
        optional(field('order', choice('asc', 'desc'))),
        optional(seq('nulls', field('nulls', choice('first', 'last')))),
      ),

    // ---- TimescaleDB -------------------------------------------------------------------------------------------

    hypertable: ($) =>
      seq(
        'hypertable',
        'on',
        field('time_column', $._name),
        optional(
          seq('{', repeat(choice($.chunk_interval, $.retention, $.compression, $.partition_by, $.integer_now)), '}'),
        ),
      ),

    chunk_interval: ($) => seq('chunk_interval', field('value', $.span)),
    retention: ($) => seq('retention', field('value', $.span)),
    // An extra dimension (add_dimension): `partition_by symbol_id hash 4`, `partition_by day range 1 day`.
    partition_by: ($) =>
      seq(
        'partition_by',
        field('column', $._name),
        choice(seq(field('kind', 'hash'), field('partitions', $.number)), seq(field('kind', 'range'), field('value', $.span))),
      ),
    // set_integer_now_func: the function (not managed by schemac) that says "now" for an integer time column.
    integer_now: ($) => seq('integer_now', field('function', $.qname)),
    compression: ($) =>
      seq(
        'compression',
        optional(seq('{', repeat(choice($.segment_by, $.order_by, $.compress_after)), '}')),
      ),
    segment_by: ($) => seq('segment_by', commaSep1(field('column', $._name))),
    order_by: ($) => seq('order_by', commaSep1(field('item', $.order_item))),
    compress_after: ($) => seq('after', field('value', $.span)),

    // `30 minutes`, `1 day 12 hours`, or a bare integer for integer time columns. Units are checked by the parse
    // stage so that a misspelt unit gets a message naming the units.
    span: ($) => choice(repeat1($.span_part), field('amount', $.number)),
    span_part: ($) => seq(field('amount', $.number), field('unit', $.identifier)),

    // ---- typed queries -----------------------------------------------------------------------------------------

    query: ($) =>
      seq(
        'query',
        field('name', $._name),
        '(',
        optional(commaSep1(field('param', $.param))),
        ')',
        '->',
        field('result', choice('one', 'many')),
        optional(seq('(', commaSep1(field('column', $._name)), ')')),
        '{',
        optional(seq('where', field('where', $.sql))),
        optional(seq('order', 'by', commaSep1(field('order', $.order_item)))),
        optional(seq('limit', field('limit', choice($.number, $.param_ref)))),
        '}',
      ),

    param: ($) => seq(field('name', $._name), optional(field('type', $.type))),

    order_item: ($) =>
      seq(
        field('column', $._name),
        optional(field('order', choice('asc', 'desc'))),
        optional(seq('nulls', field('nulls', choice('first', 'last')))),
      ),

    // ---- verbatim SQL ------------------------------------------------------------------------------------------

    // `( ... )` with balanced parentheses; strings and quoted names are single tokens so a `)` inside them does
    // not close anything. The parse stage takes the source text between the outer parentheses.
    paren_sql: ($) => seq('(', repeat($._sql_token), ')'),

    // The unparenthesised SQL of a query's `where`: it runs until `order by`, `limit` or `}`.
    sql: ($) => repeat1($._sql_token),

    _sql_token: ($) =>
      choice(
        $.identifier,
        $.quoted_identifier,
        $.string,
        $.number,
        $.param_ref,
        $.operator,
        '::',
        ':',
        $.paren_sql,
      ),

    call: ($) => seq(field('function', $.qname), field('args', $.paren_sql)),

    // ---- names and tokens --------------------------------------------------------------------------------------

    renamed_from: ($) => seq('@renamed_from', '(', commaSep1(field('name', $._name)), ')'),

    qname: ($) =>
      choice(field('name', $._name), seq(field('schema', $._name), '.', field('name', $._name))),

    _name: ($) => choice($.identifier, $.quoted_identifier),

    identifier: (_) => /[A-Za-z_][A-Za-z0-9_$]*/,
    quoted_identifier: (_) => /"([^"]|"")*"/,
    string: (_) => /'([^']|'')*'/,
    number: (_) => /\d+(\.\d+)?/,
    boolean: (_) => choice('true', 'false'),
    null: (_) => 'null',
    param_ref: (_) => /:[A-Za-z_][A-Za-z0-9_]*/,
    // Any run of punctuation SQL uses between the tokens above (operators, commas, dots, brackets, casts).
    operator: (_) => token(prec(-1, /[^\sA-Za-z0-9_()'"{}:]+/)),

    doc_comment: (_) => token(prec(2, seq('///', /.*/))),
    comment: (_) => token(prec(1, seq('//', /.*/))),
  },
});
