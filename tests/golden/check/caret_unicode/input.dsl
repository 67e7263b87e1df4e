// Columns count characters: the carets stand under the mistake after é, 日本, an emoji and tabs.
table "日本_prices" {
  id     int primary key
  "«é»"  text unique defalt 'x'
}

table "😀" {
	id	int primary key
	prix	numeric(20,
}
