# Baseline for `export --format csv`: jq writing the same bytes postboard writes — a byte-order
# mark, the header of field keys, CRLF, quotes only where a cell needs them, the formula guard.
def guard: if test("^['\"]*[=+\\-@\t\r\n]") then "'" + . else . end;
def cell: if type == "string" then (guard | if test("[\",\r\n]") then "\"" + gsub("\""; "\"\"") + "\"" else . end) elif . == null then "" else tostring end;
"\ufeffid,title,author,department,date,views,status,body,source_agency,source_date,source_url,createdAt,updatedAt\r",
(.posts[] | [.id, .title, .author, .department, .date, .views, .status, .body, .source.agency, .source.date, .source.url, .createdAt, .updatedAt] | map(cell) | join(",") + "\r")
