-- Search in every language a programme is written in (issue 29, ADR 0036): the main
-- language's texts with that language's text search configuration (stemming and stop
-- words), and each translation's with its own, in the same vector. "maskininlärning"
-- finds the programme whose Swedish title it is, and the word list for corrections holds
-- the translated titles' words too.

-- The configuration PostgreSQL ships for a language, by its ISO 639-1 code; 'simple'
-- (no stemming) for a language it has none for.
create function text_search_config(language text) returns regconfig
    language sql immutable parallel safe as
$$
select case split_part(language, '-', 1)
           when 'da' then 'danish'
           when 'de' then 'german'
           when 'en' then 'english'
           when 'es' then 'spanish'
           when 'fi' then 'finnish'
           when 'fr' then 'french'
           when 'hu' then 'hungarian'
           when 'it' then 'italian'
           when 'nb' then 'norwegian'
           when 'nl' then 'dutch'
           when 'no' then 'norwegian'
           when 'pt' then 'portuguese'
           when 'ro' then 'romanian'
           when 'ru' then 'russian'
           when 'sv' then 'swedish'
           when 'tr' then 'turkish'
           else 'simple'
       end::regconfig
$$;

create or replace function programme_search_vector_update() returns trigger
    language plpgsql as
$$
declare
    institution_name  text;
    institution_codes text;
    main_language     text;
    translated        record;
    translated_words  text := '';
begin
    select i.name, concat_ws(' ', i.slug, i.short_name), i.main_language
    into institution_name, institution_codes, main_language
    from institution i
    where i.id = new.institution_id;
    new.search_vector :=
        -- Codes are the same in every language: the programme's, and its institution's
        -- slug and short name.
            setweight(to_tsvector('simple', concat_ws(' ', new.code, institution_codes)), 'A') ||
            programme_search_part(text_search_config(coalesce(main_language, 'en')), new.title, new.topics,
                                  new.award, new.summary, new.career_titles,
                                  concat_ws(' ', new.section_about, new.section_learning, new.section_project,
                                            new.section_careers),
                                  institution_name);
    for translated in select key as language, value as texts from jsonb_each(coalesce(new.translations, '{}'))
        loop
            new.search_vector := new.search_vector ||
                                 programme_search_part(text_search_config(translated.language),
                                                       translated.texts ->> 'title', '{}',
                                                       translated.texts ->> 'award',
                                                       translated.texts ->> 'summary', '{}',
                                                       concat_ws(' ', translated.texts ->> 'sectionAbout',
                                                                 translated.texts ->> 'sectionLearning',
                                                                 translated.texts ->> 'sectionProject',
                                                                 translated.texts ->> 'sectionCareers'),
                                                       null);
            translated_words := concat_ws(' ', translated_words, translated.texts ->> 'title');
        end loop;
    new.search_words := case
        when new.state = 'PUBLISHED' then
            search_words_of(concat_ws(' ', new.title, array_to_string(new.topics, ' '), institution_name,
                                      translated_words))
        else '{}' end;
    return new;
end
$$;

-- An institution whose main language changes: its programmes' texts are stemmed anew.
create or replace trigger institution_search_renamed
    after update of name, slug, short_name, main_language
    on institution
    for each row
    when (old.name is distinct from new.name or old.slug is distinct from new.slug
        or old.short_name is distinct from new.short_name or old.main_language is distinct from new.main_language)
execute function institution_search_renamed();

update programme set search_vector = search_vector;

-- Search lists each programme in the page's language where it is translated, and marks
-- the rest with the language they are written in.
create or replace view programme_listing_for_search as
select id, institution_id, state, slug, code, title, award, level, credits, credit_system, duration_months,
       pace_percent, study_mode, language, summary, topics, tuition_amount, tuition_currency, tuition_period,
       search_vector, translations
from programme;

create or replace view institution_listing_for_search as
select id, slug, name, city, time_zone, main_language from institution;
