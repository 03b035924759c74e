#pragma once
// The units tree in SQL, for the queries of any module that scopes rows by unit: a unit's
// materialized path ("/1/7/42/") starts with the path of every unit above it, so "in the
// subtree at $1" is a prefix test. The units module owns the paths; this is the one way
// to write the test, so that an index-friendly form can replace it in one place.
//
// Other modules join the units module's read model, the view `unit_directory` (see
// units/service.hpp), for the path:
//
//   "SELECT … FROM tips t JOIN unit_directory u ON u.id = t.unit_id WHERE " ANTQ_UNIT_IN_SUBTREE("u.path", "$1")

// SQL true when the path in `path_column` lies in the subtree whose path is the text
// parameter `param` ("$1"); both arguments are string literals.
#define ANTQ_UNIT_IN_SUBTREE(path_column, param) \
  "substr(" path_column ", 1, length(CAST(" param " AS TEXT))) = CAST(" param " AS TEXT)"
