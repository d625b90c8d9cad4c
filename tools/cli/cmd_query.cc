// geokg query: placeholder, filled in below by the query helper.
