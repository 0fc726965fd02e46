insert into ingest.listing_mark (inbox, changed_since) values (:inbox, :changedSince)
on conflict (inbox) do update set changed_since = excluded.changed_since
