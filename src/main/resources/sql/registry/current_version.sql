-- One line describing the registry in force, printed after every load.
select format('registry version %s loaded %s from %s: %s regions (%s cities, %s counties), '
              || '%s precincts (%s active), %s villages and communities, %s enterprises (%s key), %s venues',
              l.load_id, to_char(l.loaded_at, 'YYYY-MM-DD HH24:MI:SS'), l.source_dir, l.regions,
              (select count(*) from registry.region where level = 'city'),
              (select count(*) from registry.region where level = 'county'),
              l.precincts, (select count(*) from registry.precinct where active),
              l.jurisdiction, l.enterprises, (select count(*) from registry.enterprise where is_key),
              l.venues)
from registry.load l order by l.load_id desc limit 1
