-- A forgiving programme search (issue 29).
--
-- 1. A programme's search vector holds its institution's name, slug and short name, so
--    that "Southampton" finds the programmes of the University of Southampton in the same
--    ranked search, with no join per row. Renaming an institution rewrites the vectors of
--    its programmes.
-- 2. search_word lists the words of published programmes' titles, topics and institution
--    names, with how many published programmes have each. When the full-text search finds
--    nothing, each word of the query is looked up there by trigram similarity (pg_trgm) for
--    a "Did you mean ...?". Triggers keep it current as programmes are added, changed,
--    published, retired or deleted, and as institutions are renamed.

create extension if not exists pg_trgm;

-- The words a programme lends to search_word while it is published (empty otherwise): its
-- title's, its topics' and its institution's name's, each once. Kept on the row so that a
-- change can take away exactly the words it added, even after its institution was renamed.
alter table programme add column search_words text[] not null default '{}';

-- Lower-case words of at least three letters, without digits: codes are found by the
-- full-text search already, and make poor suggestions.
create function search_words_of(words text) returns text[]
    language sql immutable parallel safe as
$$
select coalesce(array_agg(distinct word order by word), '{}')
from unnest(tsvector_to_array(to_tsvector('simple', coalesce(words, '')))) as word
where char_length(word) >= 3 and word !~ '[[:digit:]_./@:]'
$$;

-- One language's part of a programme's search vector, weighted as before: the title and
-- topics first (A), then the award, summary, career titles and the institution's name (B),
-- then the long sections (C). The catalogue's texts are English; when they get a Swedish
-- translation, its part is this function with 'swedish' and the translated texts, added
-- to the vector in programme_search_vector_update (and to the query's configurations).
create function programme_search_part(config regconfig, title text, topics text[], award text, summary text,
                                      career_titles text[], sections text, institution_name text) returns tsvector
    language sql stable parallel safe as
$$
select setweight(to_tsvector(config, coalesce(title, '')), 'A') ||
       setweight(to_tsvector(config, array_to_string(topics, ' ')), 'A') ||
       setweight(to_tsvector(config, concat_ws(' ', award, summary)), 'B') ||
       setweight(to_tsvector(config, array_to_string(career_titles, ' ')), 'B') ||
       setweight(to_tsvector(config, coalesce(institution_name, '')), 'B') ||
       setweight(to_tsvector(config, coalesce(sections, '')), 'C')
$$;

create or replace function programme_search_vector_update() returns trigger
    language plpgsql as
$$
declare
    institution_name  text;
    institution_codes text;
begin
    select i.name, concat_ws(' ', i.slug, i.short_name)
    into institution_name, institution_codes
    from institution i
    where i.id = new.institution_id;
    new.search_vector :=
        -- Codes are the same in every language: the programme's, and its institution's
        -- slug and short name.
            setweight(to_tsvector('simple', concat_ws(' ', new.code, institution_codes)), 'A') ||
            programme_search_part('english', new.title, new.topics, new.award, new.summary, new.career_titles,
                                  concat_ws(' ', new.section_about, new.section_learning, new.section_project,
                                            new.section_careers),
                                  institution_name);
    new.search_words := case
        when new.state = 'PUBLISHED' then
            search_words_of(concat_ws(' ', new.title, array_to_string(new.topics, ' '), institution_name))
        else '{}' end;
    return new;
end
$$;

-- A renamed institution: its programmes' rows are written again, which runs the trigger
-- above with the new name (and the word counts below). Only the search columns change;
-- the rows' versions stay, so no editor's open form becomes stale.
create function institution_search_renamed() returns trigger
    language plpgsql as
$$
begin
    update programme set search_vector = search_vector where institution_id = new.id;
    return null;
end
$$;

create trigger institution_search_renamed
    after update of name, slug, short_name
    on institution
    for each row
    when (old.name is distinct from new.name or old.slug is distinct from new.slug
        or old.short_name is distinct from new.short_name)
execute function institution_search_renamed();

-- The word list: distinct words (a few thousand at most, however large the catalogue),
-- with a trigram index for the similarity search.
create table search_word (
    word       text    primary key,
    programmes integer not null
);

create index search_word_trigram_idx on search_word using gin (word gin_trgm_ops);

-- Adds the words gained and takes away the words lost, a word once per programme. Rows are
-- written in word order, so two transactions that share words lock them in the same order.
create function search_word_count(gained text[], lost text[]) returns void
    language plpgsql as
$$
begin
    insert into search_word as w (word, programmes)
    select d.word, sum(d.n)
    from (select unnest(gained) as word, 1 as n
          union all
          select unnest(lost), -1) as d
    group by d.word
    having sum(d.n) <> 0
    order by d.word
    on conflict (word) do update set programmes = w.programmes + excluded.programmes;
    delete from search_word where word = any (lost) and programmes <= 0;
end
$$;

-- Once per statement, with the rows it changed: a publish counts one programme's words, the
-- generator's insert of 10,000 programmes counts them all at once.
create function programme_search_words_changed() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        perform search_word_count(array(select unnest(search_words) from new_rows), '{}');
    elsif tg_op = 'UPDATE' then
        perform search_word_count(array(select unnest(search_words) from new_rows),
                                  array(select unnest(search_words) from old_rows));
    elsif tg_op = 'DELETE' then
        perform search_word_count('{}', array(select unnest(search_words) from old_rows));
    else
        delete from search_word;
    end if;
    return null;
end
$$;

create trigger programme_search_words_inserted
    after insert
    on programme
    referencing new table as new_rows
    for each statement
execute function programme_search_words_changed();

create trigger programme_search_words_updated
    after update
    on programme
    referencing new table as new_rows old table as old_rows
    for each statement
execute function programme_search_words_changed();

create trigger programme_search_words_deleted
    after delete
    on programme
    referencing old table as old_rows
    for each statement
execute function programme_search_words_changed();

create trigger programme_search_words_truncated
    after truncate
    on programme
    for each statement
execute function programme_search_words_changed();

-- Every programme once more through the new trigger: vectors with their institutions, and
-- the word list from the published ones.
update programme set search_vector = search_vector;
