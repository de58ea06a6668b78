# Doxygen INPUT_FILTER for fnf's headers: their comments are plain `//` comments written for
# people reading the header; this turns them into Doxygen's text without changing the headers.
#   - the comment block at the top of a header documents the file;
#   - a comment block before a declaration documents it (`///`);
#   - a comment after code on the same line documents that member (`///<`), and so do the
#     comment-only lines below it that start in the same column.
BEGIN { top = 1; trailing = -1 }
FILENAME !~ /\.h$/ { print; next }  # docs/*.md pass unchanged
{
  line = $0
  if (match(line, /^[ \t]*\/\//)) {
    indent = RLENGTH - 2
    rest = substr(line, RLENGTH + 1)
    if (top) {
      if (!file_done) { print "/// @file"; file_done = 1 }
      print "///" rest
      next
    }
    if (trailing >= 0 && indent == trailing) {
      print substr(line, 1, indent) "///<" rest
      next
    }
    trailing = -1
    print substr(line, 1, indent) "///" rest
    next
  }
  if (line ~ /^[ \t]*$/) { trailing = -1; print line; next }
  top = 0
  # `}  // namespace fnf`, `#endif  // FNF_X_H_`: nothing to document.
  if (line ~ /^[ \t]*[}#]/) { trailing = -1; print line; next }
  pos = index(line, "  // ")
  # (A `// NOLINT` marker is not documentation.)
  if (pos > 0 && substr(line, 1, pos) !~ /"/ && substr(line, pos + 5) !~ /^NOLINT/) {
    trailing = pos + 1
    print substr(line, 1, pos + 1) "///<" substr(line, pos + 4)
    next
  }
  trailing = -1
  print line
}
