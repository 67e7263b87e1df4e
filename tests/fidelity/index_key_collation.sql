-- server: pg15
-- expect: exact
create table t (name text, code text);
create index t_code on t (code collate "C");
create index t_name_lower on t (lower(name) collate "C" text_pattern_ops desc);
