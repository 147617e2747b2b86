--
-- PostgreSQL database dump
--

\restrict 3pkb2aAnW73fK481949bnaMD0cQEMxEPevUk9sCDSHc8MAo5VcaGoWaJ5PPecie

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: alembic_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alembic_version (
    version_num character varying(32) NOT NULL
);


--
-- Name: alembic_version_personal; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alembic_version_personal (
    version_num character varying(32) NOT NULL
);


--
-- Name: notes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notes (
    id integer NOT NULL,
    workshop_id integer NOT NULL,
    path_id character varying(64) NOT NULL,
    step_id character varying(80),
    stage_id character varying(80),
    kind character varying(16) NOT NULL,
    text text NOT NULL,
    display_name character varying(60),
    participant_hash character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    done boolean DEFAULT false NOT NULL,
    turned_into_edit boolean DEFAULT false NOT NULL
);


--
-- Name: notes_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.notes_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: notes_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.notes_id_seq OWNED BY public.notes.id;


--
-- Name: path_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.path_versions (
    path_id character varying(64) NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    author character varying(200) NOT NULL,
    summary text NOT NULL,
    auto_summary text NOT NULL,
    restored_from integer,
    content text NOT NULL
);


--
-- Name: paths; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.paths (
    id character varying(64) NOT NULL,
    latest_version integer NOT NULL,
    deleted boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    title text NOT NULL,
    persona text NOT NULL,
    status character varying(16) NOT NULL,
    n_stages integer NOT NULL,
    n_steps integer NOT NULL,
    n_coordinator integer NOT NULL
);


--
-- Name: personal_links; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.personal_links (
    id integer NOT NULL,
    personal_id character varying(32) NOT NULL,
    token_hash character varying(64) NOT NULL,
    created_at timestamp without time zone NOT NULL,
    revoked_at timestamp without time zone,
    failed_pins integer NOT NULL,
    locked_until timestamp without time zone
);


--
-- Name: personal_links_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.personal_links_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: personal_links_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.personal_links_id_seq OWNED BY public.personal_links.id;


--
-- Name: personal_paths; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.personal_paths (
    id character varying(32) NOT NULL,
    owner character varying(200) NOT NULL,
    display_name character varying(200) NOT NULL,
    lang character varying(2) NOT NULL,
    source_path_id character varying(64) NOT NULL,
    source_version integer NOT NULL,
    source_json text NOT NULL,
    current_version integer NOT NULL,
    pin_hash character varying(200),
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL,
    last_opened_at timestamp without time zone
);


--
-- Name: personal_shares; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.personal_shares (
    personal_id character varying(32) NOT NULL,
    name character varying(200) NOT NULL
);


--
-- Name: personal_versions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.personal_versions (
    personal_id character varying(32) NOT NULL,
    version integer NOT NULL,
    author character varying(200) NOT NULL,
    created_at timestamp without time zone NOT NULL,
    fill_json text NOT NULL
);


--
-- Name: sign_in_failures; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sign_in_failures (
    name_key character varying(100) NOT NULL,
    failures integer NOT NULL,
    last_failure_at timestamp with time zone NOT NULL,
    locked_until timestamp with time zone
);


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id integer NOT NULL,
    name character varying(100) NOT NULL,
    name_key character varying(100) NOT NULL,
    password_hash text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: users_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.users_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: users_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;


--
-- Name: votes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.votes (
    id integer NOT NULL,
    workshop_id integer NOT NULL,
    note_id integer,
    step_id character varying(80),
    participant_hash character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT ck_votes_one_target CHECK (((note_id IS NULL) <> (step_id IS NULL)))
);


--
-- Name: votes_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.votes_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: votes_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.votes_id_seq OWNED BY public.votes.id;


--
-- Name: workshops; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.workshops (
    id integer NOT NULL,
    path_id character varying(64) NOT NULL,
    path_version integer NOT NULL,
    code character varying(12) NOT NULL,
    audience character varying(16) NOT NULL,
    votes_per_participant integer NOT NULL,
    opened_by character varying(200) NOT NULL,
    opened_at timestamp with time zone NOT NULL,
    closed_at timestamp with time zone
);


--
-- Name: workshops_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.workshops_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: workshops_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.workshops_id_seq OWNED BY public.workshops.id;


--
-- Name: notes id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notes ALTER COLUMN id SET DEFAULT nextval('public.notes_id_seq'::regclass);


--
-- Name: personal_links id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personal_links ALTER COLUMN id SET DEFAULT nextval('public.personal_links_id_seq'::regclass);


--
-- Name: users id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users ALTER COLUMN id SET DEFAULT nextval('public.users_id_seq'::regclass);


--
-- Name: votes id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.votes ALTER COLUMN id SET DEFAULT nextval('public.votes_id_seq'::regclass);


--
-- Name: workshops id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.workshops ALTER COLUMN id SET DEFAULT nextval('public.workshops_id_seq'::regclass);


--
-- Data for Name: alembic_version; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.alembic_version (version_num) FROM stdin;
0002
\.


--
-- Data for Name: alembic_version_personal; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.alembic_version_personal (version_num) FROM stdin;
personal_0001
\.


--
-- Data for Name: notes; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.notes (id, workshop_id, path_id, step_id, stage_id, kind, text, display_name, participant_hash, created_at, done, turned_into_edit) FROM stdin;
1	1	ari	referral-to-coordinator	\N	question	Kuka soittaa ensin?	Osallistuja	d2929e238d226637c087b4015fa18a7b32e2a27fbb14d6a7523f3f732842a47e	2026-12-01 09:03:26.626177+00	f	f
\.


--
-- Data for Name: path_versions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.path_versions (path_id, version, created_at, author, summary, auto_summary, restored_from, content) FROM stdin;
ari	1	2026-12-01 09:03:26.493041+00	Polku		{"fi": "Valmis polku, tallennettu ensimmäisellä käynnistyskerralla.", "sv": "Inbyggd servicestig, sparad vid första starten.", "en": "Built-in path, stored on the first start."}	\N	{"schema_version": 1,"id":"ari","title":{"fi":"Työkyvyn tuen asiakas Arin polku","sv":"Aris stig – en klient inom stödet för arbetsförmågan","en":"Ari's path – a work-ability support client"},"summary":{"fi":"Ari ohjautuu työllisyyden kuntakokeilun kautta työkykykoordinaattorille. Työkykykoordinaattori kokoaa moniammatillisen asiantuntijaryhmän palaverin, jossa todetaan kuntoutuksen tarve työkyvyn vahvistamiseksi.","sv":"Ari hänvisas via kommunförsöket med sysselsättning till samordnaren för arbetsförmågan. Samordnaren sammankallar ett möte med en multiprofessionell expertgrupp, där man konstaterar att Ari behöver rehabilitering för att stärka arbetsförmågan.","en":"Ari is referred through the municipal employment pilot to the work-ability coordinator. The coordinator convenes a multi-professional expert group meeting, where the need for rehabilitation to strengthen Ari's work ability is identified."},"persona":{"fi":"Ari, kuvitteellinen esimerkkiasiakas, joka tarvitsee tukea työkykyynsä ja on työllisyyden kuntakokeilun asiakas","sv":"Ari, en påhittad exempelklient som behöver stöd för sin arbetsförmåga och är klient i kommunförsöket med sysselsättning","en":"Ari, a fictional example client who needs work-ability support and is a client of the municipal employment pilot"},"provenance":{"fi":"Työkyvyn tuen palvelukokonaisuutta kehittäneen alueellisen hankkeen palvelupolkukuvaukset (”Palvelupolkukuvausten taustaa”): työkykykoordinaattori-palvelupilotti. Osatoteuttajat Padasjoen kunta ja LAB-ammattikorkeakoulu; mukana mm. Hollolan työllisyyden kuntakokeilu, Kela, TE-palvelut, TulSoTe-hanke ja TYP.","sv":"Servicestigsbeskrivningarna från ett regionalt projekt som utvecklade servicehelheten för stöd för arbetsförmågan (”Bakgrunden till servicestigsbeskrivningarna”): pilotprojektet med samordnare för arbetsförmågan. Delgenomförare Padasjoki kommun och LAB-yrkeshögskolan; med bl.a. Hollola kommuns försök med sysselsättning, FPA, arbets- och näringstjänsterna, TulSoTe-projektet och TYP.","en":"The service path descriptions of a regional project that developed the work-ability support service package (\\"Background of the service path descriptions\\"): the work-ability coordinator service pilot. Co-implementers Padasjoki municipality and LAB University of Applied Sciences; partners included the Hollola municipal employment pilot, Kela, TE services, the TulSoTe project and TYP."},"status":"published","notes":{"fi":"Lähde kertoo polusta kolme asiaa: Ari ohjautuu kuntakokeilun kautta työkykykoordinaattorille, koordinaattori kokoaa moniammatillisen asiantuntijaryhmän palaverin, ja palaverissa todetaan kuntoutuksen tarve. Muut askeleet on pidetty yleisinä. Oletukset: koordinaattori tapaa Arin ja selvittää tilanteen ennen palaveria (lähteen kuvaama rooli: polun selkiyttäminen); asiantuntijaryhmän kokoaminen on ammattilaisten välinen askel; Ari osallistuu palaveriin; kuntoutukseen ohjaaminen kuvataan yleisenä askeleena, koska lähde ei nimeä kuntoutusmuotoa eikä järjestäjää (koordinaattorin rooliin kuuluu ohjaus oikeisiin palveluihin oikeaan aikaan); polun kuvaus päättyy, kun Ari on ohjattu kuntoutukseen. Idealamppu (koordinaattorin toiminta ja tehtävät) on askelissa, joissa työkykykoordinaattori toimii: tapaaminen, asiantuntijaryhmän kokoaminen, palaveri ja kuntoutukseen ohjaaminen. Suostumusta, kestoja ja kanavia lähde ei kerro. Työkykykoordinaattoripalvelu oli lähteen laatimishetkellä pilotti, jonka jatko ei ollut varma.","sv":"Källan säger tre saker om stigen: Ari hänvisas via kommunförsöket till samordnaren för arbetsförmågan, samordnaren sammankallar ett möte med en multiprofessionell expertgrupp, och på mötet konstateras behovet av rehabilitering. De övriga stegen har hållits allmänna. Antaganden: samordnaren träffar Ari och reder ut situationen före mötet (rollen som källan beskriver: att klargöra stigen); att samla expertgruppen är ett steg mellan yrkesutbildade; Ari deltar i mötet; hänvisningen till rehabilitering beskrivs som ett allmänt steg, eftersom källan inte nämner rehabiliteringsform eller anordnare (till samordnarens roll hör att vägleda till rätt tjänster i rätt tid); beskrivningen slutar när Ari har hänvisats till rehabilitering. Glödlampan (samordnarens åtgärder och uppgifter) finns på de steg där samordnaren agerar: mötet med Ari, att samla expertgruppen, expertgruppens möte och hänvisningen till rehabilitering. Källan säger inget om samtycke, tider eller kanaler. Tjänsten med samordnare för arbetsförmågan var ett pilotprojekt vars fortsättning inte var säker när källan skrevs.","en":"The source says three things about this path: Ari is referred through the municipal employment pilot to the work-ability coordinator, the coordinator convenes a multi-professional expert group meeting, and the meeting identifies the need for rehabilitation. The other steps are kept general. Assumptions: the coordinator meets Ari and clarifies the situation before the meeting (the role the source describes: clarifying the path); assembling the expert group happens between professionals; Ari takes part in the meeting; guidance to rehabilitation is a general step because the source names neither the kind of rehabilitation nor its provider (guiding the client to the right services at the right time is part of the coordinator's role); the description ends when Ari has been guided to rehabilitation. The light bulb (the coordinator's actions and tasks) is on the steps where the work-ability coordinator acts: meeting Ari, assembling the expert group, the expert group meeting and the guidance to rehabilitation. The source says nothing about consent, durations or channels. When the source was written the work-ability coordinator service was a pilot whose continuation was not certain."},"stages":[{"id":"referral","title":{"fi":"Ohjautuminen kuntakokeilun kautta","sv":"Hänvisning via kommunförsöket","en":"Referral through the employment pilot"}},{"id":"coordinator","title":{"fi":"Työkykykoordinaattori","sv":"Samordnaren för arbetsförmågan","en":"The work-ability coordinator"}},{"id":"expert-group","title":{"fi":"Moniammatillinen asiantuntijaryhmä","sv":"Den multiprofessionella expertgruppen","en":"The multi-professional expert group"}},{"id":"rehabilitation","title":{"fi":"Kuntoutukseen","sv":"Till rehabilitering","en":"On to rehabilitation"}}],"actors":[{"id":"client","name":{"fi":"Asiakas (Ari)","sv":"Klient (Ari)","en":"Client (Ari)"},"group":"client_side"},{"id":"employment-pilot","name":{"fi":"Työllisyyden kuntakokeilu","sv":"Kommunförsöket med sysselsättning","en":"Municipal employment pilot"},"group":"organisation"},{"id":"coordinator","name":{"fi":"Työkykykoordinaattori","sv":"Samordnare för arbetsförmågan","en":"Work-ability coordinator"},"group":"coordinator"},{"id":"expert-group","name":{"fi":"Moniammatillinen asiantuntijaryhmä","sv":"Multiprofessionell expertgrupp","en":"Multi-professional expert group"},"group":"professional"},{"id":"rehabilitation-services","name":{"fi":"Kuntoutuspalvelut","sv":"Rehabiliteringstjänster","en":"Rehabilitation services"},"group":"organisation"}],"steps":[{"id":"referral-to-coordinator","stage":"referral","title":{"fi":"Ohjautuminen kuntakokeilun kautta työkykykoordinaattorille","sv":"Hänvisning via kommunförsöket till samordnaren för arbetsförmågan","en":"Referral through the employment pilot to the work-ability coordinator"},"description":{"fi":"Ari ohjautuu työllisyyden kuntakokeilun kautta työkykykoordinaattorille.","sv":"Ari hänvisas via kommunförsöket med sysselsättning till samordnaren för arbetsförmågan.","en":"Ari is referred through the municipal employment pilot to the work-ability coordinator."},"client_text":{"fi":"Kuntakokeilun työntekijä ohjaa sinut työkykykoordinaattorille.","sv":"En arbetstagare i kommunförsöket hänvisar dig till samordnaren för arbetsförmågan.","en":"A worker at the employment pilot sends you to the work-ability coordinator."},"actors":["employment-pilot","client","coordinator"],"kind":"contact"},{"id":"coordinator-meeting","stage":"coordinator","title":{"fi":"Työkykykoordinaattori selvittää tilanteen Arin kanssa","sv":"Samordnaren reder ut situationen med Ari","en":"The coordinator clarifies the situation with Ari"},"description":{"fi":"Työkykykoordinaattori selkiyttää asiakkaan polkua ja arvioi, keitä asiantuntijoita tilanteen edistämiseen tarvitaan. Lähde ei kuvaa tapaamista tarkemmin.","sv":"Samordnaren för arbetsförmågan klargör klientens stig och bedömer vilka experter som behövs för att föra situationen framåt. Källan beskriver inte mötet närmare.","en":"The work-ability coordinator clarifies the client's path and considers which experts are needed to move the situation forward. The source does not describe this meeting in more detail."},"client_text":{"fi":"Tapaat työkykykoordinaattorin. Kerrot tilanteestasi. Koordinaattori auttaa sinua eteenpäin.","sv":"Du träffar samordnaren för arbetsförmågan. Du berättar om din situation. Samordnaren hjälper dig vidare.","en":"You meet the work-ability coordinator. You tell them about your situation. The coordinator helps you move on."},"actors":["coordinator","client"],"kind":"meeting","coordinator":true},{"id":"assemble-expert-group","stage":"expert-group","title":{"fi":"Työkykykoordinaattori kokoaa moniammatillisen asiantuntijaryhmän","sv":"Samordnaren samlar en multiprofessionell expertgrupp","en":"The coordinator assembles a multi-professional expert group"},"description":{"fi":"Työkykykoordinaattori kokoaa ja koordinoi asiakkaan tilanteeseen tarvittavan moniammatillisen asiantuntijaverkoston. Verkoston kokoaminen ja sen merkitys on nostettu esille asiakkaan polulla.","sv":"Samordnaren för arbetsförmågan samlar och samordnar det multiprofessionella expertnätverk som klientens situation kräver. Att samla nätverket och dess betydelse lyfts fram på klientens stig.","en":"The work-ability coordinator assembles and coordinates the multi-professional expert network the client's situation needs. Assembling the network, and why it matters, is highlighted on the client's path."},"client_text":{"fi":"Työkykykoordinaattori kutsuu koolle ammattilaiset, joita tarvitset.","sv":"Samordnaren bjuder in de yrkesutbildade som du behöver.","en":"The coordinator invites the professionals you need."},"actors":["coordinator","expert-group"],"coordinator":true,"audience":"professionals"},{"id":"expert-group-meeting","stage":"expert-group","title":{"fi":"Moniammatillisen asiantuntijaryhmän palaveri","sv":"Möte med den multiprofessionella expertgruppen","en":"Multi-professional expert group meeting"},"description":{"fi":"Työkykykoordinaattorin kokoama asiantuntijaryhmä käsittelee asiakkaan tilannetta yhdessä. Ryhmän kokoonpanoa lähde ei kerro.","sv":"Expertgruppen som samordnaren samlat behandlar klientens situation tillsammans. Källan anger inte gruppens sammansättning.","en":"The expert group assembled by the work-ability coordinator discusses the client's situation together. The source does not say who is in the group."},"client_text":{"fi":"Tapaat ammattilaiset yhdessä. Mietitte, mikä auttaisi sinua.","sv":"Du träffar de yrkesutbildade tillsammans. Ni funderar på vad som kan hjälpa dig.","en":"You meet the professionals all together. You think together about what would help you."},"actors":["coordinator","client","expert-group"],"kind":"network_meeting","coordinator":true},{"id":"rehabilitation-need","stage":"expert-group","title":{"fi":"Todetaan kuntoutuksen tarve","sv":"Behovet av rehabilitering konstateras","en":"The need for rehabilitation is identified"},"description":{"fi":"Palaverissa todetaan kuntoutuksen tarve työkyvyn vahvistamiseksi.","sv":"På mötet konstateras behovet av rehabilitering för att stärka arbetsförmågan.","en":"The meeting identifies the need for rehabilitation to strengthen work ability."},"client_text":{"fi":"Palaverissa todetaan, että kuntoutus voi vahvistaa työkykyäsi.","sv":"På mötet konstateras att rehabilitering kan stärka din arbetsförmåga.","en":"The meeting finds that rehabilitation can make your work ability stronger."},"actors":["expert-group","client"]},{"id":"guidance-to-rehabilitation","stage":"rehabilitation","title":{"fi":"Ohjaus kuntoutukseen","sv":"Vägledning till rehabilitering","en":"Guidance to rehabilitation"},"description":{"fi":"Työkykykoordinaattori ohjaa asiakasta oikeisiin palveluihin oikeaan aikaan. Kuntoutusmuotoa ja sen järjestäjää lähde ei nimeä, joten askel on kuvattu yleisenä.","sv":"Samordnaren för arbetsförmågan vägleder klienten till rätt tjänster i rätt tid. Källan nämner inte rehabiliteringsform eller anordnare, så steget är beskrivet i allmänna drag.","en":"The work-ability coordinator guides the client to the right services at the right time. The source names neither the kind of rehabilitation nor its provider, so the step is kept general."},"client_text":{"fi":"Työkykykoordinaattori auttaa sinua pääsemään kuntoutukseen.","sv":"Samordnaren hjälper dig att komma till rehabilitering.","en":"The coordinator helps you get to rehabilitation."},"actors":["coordinator","client","rehabilitation-services"],"coordinator":true},{"id":"end","stage":"rehabilitation","title":{"fi":"Ari jatkaa kuntoutukseen","sv":"Ari går vidare till rehabilitering","en":"Ari goes on to rehabilitation"},"description":{"fi":"Polun kuvaus päättyy tähän. Lähde ei kuvaa kuntoutuksen kulkua.","sv":"Beskrivningen av stigen slutar här. Källan beskriver inte hur rehabiliteringen går till.","en":"The path description ends here. The source does not describe the rehabilitation itself."},"client_text":{"fi":"Jatkat kuntoutukseen. Tämä polku päättyy tähän.","sv":"Du går vidare till rehabilitering. Den här stigen slutar här.","en":"You go on to rehabilitation. This path ends here."},"actors":["client","rehabilitation-services"],"kind":"end"}],"transitions":[{"source":"referral-to-coordinator","target":"coordinator-meeting"},{"source":"coordinator-meeting","target":"assemble-expert-group"},{"source":"assemble-expert-group","target":"expert-group-meeting"},{"source":"expert-group-meeting","target":"rehabilitation-need"},{"source":"rehabilitation-need","target":"guidance-to-rehabilitation"},{"source":"guidance-to-rehabilitation","target":"end"}]}
maija	1	2026-12-01 09:03:26.497101+00	Polku		{"fi": "Valmis polku, tallennettu ensimmäisellä käynnistyskerralla.", "sv": "Inbyggd servicestig, sparad vid första starten.", "en": "Built-in path, stored on the first start."}	\N	{"schema_version": 1,"id":"maija","title":{"fi":"Sote-keskuksen asiakkaan Maijan polku","sv":"Maijas stig – en klient vid social- och hälsocentralen","en":"Maija's path – a client of the health and social services centre"},"summary":{"fi":"Maijan työkyvyn tuen tarve todetaan sote-keskuksessa. Tarvetta kartoitetaan ja Maijan työkykyä vahvistetaan työkykykoordinaattorin tuella. Tarvittaessa koordinaattori kokoaa moniammatillisen verkoston.","sv":"Maijas behov av stöd för arbetsförmågan konstateras vid social- och hälsocentralen. Behovet kartläggs och Maijas arbetsförmåga stärks med stöd av samordnaren för arbetsförmågan. Vid behov samlar samordnaren ett multiprofessionellt nätverk.","en":"Maija's need for work-ability support is identified at the health and social services centre. The need is mapped and Maija's work ability is strengthened with the work-ability coordinator's support. Where needed, the coordinator assembles a multi-professional network."},"persona":{"fi":"Maija, kuvitteellinen esimerkkiasiakas, jonka työkyvyn tuen tarve huomataan sote-keskuksessa","sv":"Maija, en påhittad exempelklient vars behov av stöd för arbetsförmågan upptäcks vid social- och hälsocentralen","en":"Maija, a fictional example client whose need for work-ability support is noticed at the health and social services centre"},"provenance":{"fi":"Työkyvyn tuen palvelukokonaisuutta kehittäneen alueellisen hankkeen palvelupolkukuvaukset (”Palvelupolkukuvausten taustaa”): työkykykoordinaattori-palvelupilotti. Osatoteuttajat Padasjoen kunta ja LAB-ammattikorkeakoulu; palautetta kerättiin mm. Hollolan sote-keskuksen Kahvia ja kehittämisideoita -tilaisuuksissa.","sv":"Servicestigsbeskrivningarna från ett regionalt projekt som utvecklade servicehelheten för stöd för arbetsförmågan (”Bakgrunden till servicestigsbeskrivningarna”): pilotprojektet med samordnare för arbetsförmågan. Delgenomförare Padasjoki kommun och LAB-yrkeshögskolan; respons samlades bl.a. vid evenemangen ”Kaffe och utvecklingsidéer” på social- och hälsocentralen i Hollola.","en":"The service path descriptions of a regional project that developed the work-ability support service package (\\"Background of the service path descriptions\\"): the work-ability coordinator service pilot. Co-implementers Padasjoki municipality and LAB University of Applied Sciences; feedback was gathered among others at the \\"Coffee and development ideas\\" events at the Hollola health and social services centre."},"status":"published","notes":{"fi":"Lähde kertoo polusta, että Maijan työkyvyn tuen tarve todetaan sote-keskuksessa ja sitä kartoitetaan ja vahvistetaan työkykykoordinaattorin tuella. Lisäksi lähde sanoo, että moniammatillisen asiantuntijaverkoston kokoaminen ja merkitys on nostettu esille asiakkaan polulla. Oletukset: sote-keskuksen työntekijä ohjaa Maijan koordinaattorille (lähde ei kerro miten); verkosto kootaan vain tarvittaessa, joten kartoituksen jälkeen on valinta, jonka koordinaattori tekee yhdessä Maijan kanssa; verkoston kokoaminen on ammattilaisten välinen askel; polun kuvaus päättyy, kun tuki on järjestetty ja koordinaattorin tuki päättyy. Idealamppu (koordinaattorin toiminta ja tehtävät) on askelissa, joissa työkykykoordinaattori toimii: kartoittaminen, verkostotarpeen arviointi, verkoston kokoaminen, verkostokokous ja vahvistaminen. Suostumusta, kestoja ja kanavia lähde ei kerro. Työkykykoordinaattoripalvelu oli lähteen laatimishetkellä pilotti, jonka jatko ei ollut varma.","sv":"Källan säger om stigen att Maijas behov av stöd för arbetsförmågan konstateras vid social- och hälsocentralen och att det kartläggs och stärks med stöd av samordnaren för arbetsförmågan. Källan säger också att det lyfts fram på klientens stig hur det multiprofessionella expertnätverket samlas och varför det är viktigt. Antaganden: en arbetstagare vid social- och hälsocentralen hänvisar Maija till samordnaren (källan säger inte hur); nätverket samlas bara vid behov, så efter kartläggningen finns ett val som samordnaren gör tillsammans med Maija; att samla nätverket är ett steg mellan yrkesutbildade; beskrivningen slutar när stödet är ordnat och samordnarens stöd upphör. Glödlampan (samordnarens åtgärder och uppgifter) finns på de steg där samordnaren agerar: kartläggningen, bedömningen av behovet av nätverk, att samla nätverket, nätverksmötet och att stärka arbetsförmågan. Källan säger inget om samtycke, tider eller kanaler. Tjänsten med samordnare för arbetsförmågan var ett pilotprojekt vars fortsättning inte var säker när källan skrevs.","en":"The source says that Maija's need for work-ability support is identified at the health and social services centre, and that it is mapped and strengthened with the work-ability coordinator's support. It also says that assembling the multi-professional expert network, and why it matters, is highlighted on the client's path. Assumptions: a worker at the centre refers Maija to the coordinator (the source does not say how); the network is assembled only when needed, so after the mapping there is a choice the coordinator makes together with Maija; assembling the network happens between professionals; the description ends when the support is arranged and the coordinator's support ends. The light bulb (the coordinator's actions and tasks) is on the steps where the work-ability coordinator acts: the mapping, assessing the need for a network, assembling the network, the network meeting and the strengthening. The source says nothing about consent, durations or channels. When the source was written the work-ability coordinator service was a pilot whose continuation was not certain."},"stages":[{"id":"need","title":{"fi":"Tarve todetaan sote-keskuksessa","sv":"Behovet konstateras vid social- och hälsocentralen","en":"The need is identified at the centre"}},{"id":"mapping","title":{"fi":"Kartoittaminen","sv":"Kartläggning","en":"Mapping"}},{"id":"network","title":{"fi":"Moniammatillinen verkosto","sv":"Det multiprofessionella nätverket","en":"The multi-professional network"}},{"id":"strengthening","title":{"fi":"Vahvistaminen","sv":"Att stärka arbetsförmågan","en":"Strengthening"}},{"id":"ending","title":{"fi":"Päättyminen","sv":"Avslutning","en":"Ending"}}],"actors":[{"id":"client","name":{"fi":"Asiakas (Maija)","sv":"Klient (Maija)","en":"Client (Maija)"},"group":"client_side"},{"id":"sote-worker","name":{"fi":"Sote-keskuksen työntekijä","sv":"Arbetstagare vid social- och hälsocentralen","en":"Worker at the health and social services centre"},"group":"professional"},{"id":"coordinator","name":{"fi":"Työkykykoordinaattori","sv":"Samordnare för arbetsförmågan","en":"Work-ability coordinator"},"group":"coordinator"},{"id":"expert-network","name":{"fi":"Moniammatillinen asiantuntijaverkosto","sv":"Multiprofessionellt expertnätverk","en":"Multi-professional expert network"},"group":"professional"}],"steps":[{"id":"need-identified","stage":"need","title":{"fi":"Työkyvyn tuen tarve todetaan sote-keskuksessa","sv":"Behovet av stöd för arbetsförmågan konstateras vid social- och hälsocentralen","en":"The need for work-ability support is identified at the centre"},"description":{"fi":"Maijan työkyvyn tuen tarve todetaan sote-keskuksessa. Lähde ei kerro, kuka tarpeen huomaa.","sv":"Maijas behov av stöd för arbetsförmågan konstateras vid social- och hälsocentralen. Källan säger inte vem som märker behovet.","en":"Maija's need for work-ability support is identified at the health and social services centre. The source does not say who notices it."},"client_text":{"fi":"Sote-keskuksessa huomataan, että tarvitset tukea työkykyysi.","sv":"Vid social- och hälsocentralen märker man att du behöver stöd för din arbetsförmåga.","en":"At the health and social services centre, they notice that you need support with your work ability."},"actors":["sote-worker","client"]},{"id":"referral-to-coordinator","stage":"need","title":{"fi":"Ohjaus työkykykoordinaattorille","sv":"Hänvisning till samordnaren för arbetsförmågan","en":"Referral to the work-ability coordinator"},"description":{"fi":"Sote-keskuksen työntekijä ohjaa asiakkaan työkykykoordinaattorille. Ohjauksen tapaa lähde ei kuvaa.","sv":"Arbetstagaren vid social- och hälsocentralen hänvisar klienten till samordnaren. Källan beskriver inte hur.","en":"The centre's worker refers the client to the work-ability coordinator. The source does not describe how."},"client_text":{"fi":"Työntekijä ohjaa sinut työkykykoordinaattorille.","sv":"Arbetstagaren hänvisar dig till samordnaren för arbetsförmågan.","en":"The worker sends you to the work-ability coordinator."},"actors":["sote-worker","client","coordinator"],"kind":"contact"},{"id":"mapping","stage":"mapping","title":{"fi":"Tilanteen kartoittaminen työkykykoordinaattorin tuella","sv":"Kartläggning av situationen med stöd av samordnaren","en":"Mapping the situation with the coordinator's support"},"description":{"fi":"Työkykykoordinaattori kartoittaa yhdessä asiakkaan kanssa työkyvyn tuen tarvetta ja selkiyttää asiakkaan polkua.","sv":"Samordnaren för arbetsförmågan kartlägger tillsammans med klienten behovet av stöd för arbetsförmågan och klargör klientens stig.","en":"The work-ability coordinator maps the need for work-ability support together with the client and clarifies the client's path."},"client_text":{"fi":"Tapaat työkykykoordinaattorin. Selvitätte yhdessä, millaista tukea tarvitset.","sv":"Du träffar samordnaren för arbetsförmågan. Ni tar tillsammans reda på vilket stöd du behöver.","en":"You meet the work-ability coordinator. Together you find out what support you need."},"actors":["coordinator","client"],"kind":"meeting","coordinator":true},{"id":"network-needed","stage":"mapping","title":{"fi":"Tarvitaanko moniammatillista verkostoa?","sv":"Behövs ett multiprofessionellt nätverk?","en":"Is a multi-professional network needed?"},"description":{"fi":"Työkykykoordinaattori arvioi asiakkaan kanssa, tarvitaanko usean ammattilaisen yhteistyötä vai riittääkö koordinaattorin tuki.","sv":"Samordnaren bedömer tillsammans med klienten om det behövs samarbete mellan flera yrkesutbildade eller om samordnarens stöd räcker.","en":"The coordinator and the client assess whether several professionals need to work together or whether the coordinator's support is enough."},"client_text":{"fi":"Mietitte yhdessä, tarvitsetko apua usealta ammattilaiselta.","sv":"Ni funderar tillsammans på om du behöver hjälp av flera yrkesutbildade.","en":"Together you think about whether you need help from several professionals."},"actors":["coordinator","client"],"kind":"decision","coordinator":true},{"id":"assemble-network","stage":"network","title":{"fi":"Työkykykoordinaattori kokoaa moniammatillisen verkoston","sv":"Samordnaren samlar ett multiprofessionellt nätverk","en":"The coordinator assembles a multi-professional network"},"description":{"fi":"Työkykykoordinaattori kokoaa ja koordinoi asiakkaan tarvitseman moniammatillisen asiantuntijaverkoston. Verkoston kokoaminen ja sen merkitys on nostettu esille asiakkaan polulla.","sv":"Samordnaren för arbetsförmågan samlar och samordnar det multiprofessionella expertnätverk som klienten behöver. Att samla nätverket och dess betydelse lyfts fram på klientens stig.","en":"The work-ability coordinator assembles and coordinates the multi-professional expert network the client needs. Assembling the network, and why it matters, is highlighted on the client's path."},"client_text":{"fi":"Työkykykoordinaattori kutsuu koolle ammattilaiset, joita tarvitset.","sv":"Samordnaren bjuder in de yrkesutbildade som du behöver.","en":"The coordinator invites the professionals you need."},"actors":["coordinator","expert-network"],"coordinator":true,"audience":"professionals"},{"id":"network-meeting","stage":"network","title":{"fi":"Verkostokokous","sv":"Nätverksmöte","en":"Network meeting"},"description":{"fi":"Työkykykoordinaattorin kokoama verkosto käsittelee asiakkaan tilannetta yhdessä asiakkaan kanssa. Verkoston kokoonpanoa lähde ei kerro.","sv":"Nätverket som samordnaren samlat behandlar klientens situation tillsammans med klienten. Källan anger inte nätverkets sammansättning.","en":"The network assembled by the coordinator discusses the client's situation together with the client. The source does not say who is in the network."},"client_text":{"fi":"Tapaat sinua auttavat ammattilaiset yhdessä. Sovitte, mitä tehdään seuraavaksi.","sv":"Du träffar de yrkesutbildade som hjälper dig tillsammans. Ni kommer överens om vad som görs härnäst.","en":"You meet the professionals who help you, all together. Together you agree what happens next."},"actors":["coordinator","client","expert-network","sote-worker"],"kind":"network_meeting","coordinator":true},{"id":"strengthening","stage":"strengthening","title":{"fi":"Työkyvyn vahvistaminen työkykykoordinaattorin tuella","sv":"Arbetsförmågan stärks med stöd av samordnaren","en":"Strengthening work ability with the coordinator's support"},"description":{"fi":"Työkykykoordinaattori tukee asiakasta ja ohjaa häntä oikeisiin palveluihin oikeaan aikaan. Palveluita lähde ei nimeä.","sv":"Samordnaren för arbetsförmågan stöder klienten och vägleder hen till rätt tjänster i rätt tid. Källan nämner inte tjänsterna.","en":"The work-ability coordinator supports the client and guides them to the right services at the right time. The source does not name the services."},"client_text":{"fi":"Työkykykoordinaattori tukee sinua. Hän auttaa sinua löytämään oikeat palvelut oikeaan aikaan.","sv":"Samordnaren stöder dig. Hen hjälper dig att hitta rätt tjänster i rätt tid.","en":"The coordinator supports you. They help you find the right services at the right time."},"actors":["coordinator","client","sote-worker"],"coordinator":true},{"id":"end","stage":"ending","title":{"fi":"Polku päättyy","sv":"Stigen slutar","en":"The path ends"},"description":{"fi":"Polun kuvaus päättyy, kun tuki on järjestetty. Lähde ei kuvaa päättymistä tarkemmin.","sv":"Beskrivningen av stigen slutar när stödet är ordnat. Källan beskriver inte avslutningen närmare.","en":"The path description ends when the support is arranged. The source does not describe the ending in more detail."},"client_text":{"fi":"Kun tukesi on järjestetty, tämä polku päättyy.","sv":"När ditt stöd är ordnat slutar den här stigen.","en":"When your support is arranged, this path ends."},"actors":["client","coordinator"],"kind":"end"}],"transitions":[{"source":"need-identified","target":"referral-to-coordinator"},{"source":"referral-to-coordinator","target":"mapping"},{"source":"mapping","target":"network-needed"},{"source":"network-needed","target":"assemble-network","condition":{"fi":"Tarvitaan usean ammattilaisen yhteistyötä","sv":"Flera yrkesutbildade behöver samarbeta","en":"Several professionals need to work together"}},{"source":"network-needed","target":"strengthening","condition":{"fi":"Työkykykoordinaattorin tuki riittää","sv":"Samordnarens stöd räcker","en":"The coordinator's support is enough"}},{"source":"assemble-network","target":"network-meeting"},{"source":"network-meeting","target":"strengthening"},{"source":"strengthening","target":"end"}]}
pohjanmaa	1	2026-12-01 09:03:26.499776+00	Polku		{"fi": "Valmis polku, tallennettu ensimmäisellä käynnistyskerralla.", "sv": "Inbyggd servicestig, sparad vid första starten.", "en": "Built-in path, stored on the first start."}	\N	{"schema_version": 1,"id":"pohjanmaa","title":{"fi":"Työkyvyn tuen malli Pohjanmaan hyvinvointialueella","sv":"Modellen för stöd för arbetsförmågan i Österbottens välfärdsområde","en":"Work-ability support model in the Pohjanmaa wellbeing services county"},"summary":{"fi":"Asiakas ja työntekijä tunnistavat työkyvyn tuen tarpeen, ja työntekijä ottaa asiakkaan kirjallisella suostumuksella yhteyttä asiakaskoordinaattoriin. Vähäinen tarve ratkeaa yhdellä yhteydenotolla. Jos asiakas tarvitsee useita palveluita, asiakaskoordinaattori kokoaa työkykytiimin verkostokokouksen, ja asiakasvastaava kulkee asiakkaan rinnalla, kunnes asiakas ei enää tarvitse verkostoa.","sv":"Klienten och en arbetstagare identifierar behovet av stöd för arbetsförmågan, och arbetstagaren kontaktar klientkoordinatorn med klientens skriftliga samtycke. Ett litet behov löses med en enda kontakt. Om klienten behöver flera tjänster samlar klientkoordinatorn arbetsförmågeteamet till ett nätverksmöte, och den ansvariga arbetstagaren går vid klientens sida tills klienten inte längre behöver nätverket.","en":"The client and a worker identify the need for work-ability support, and the worker contacts the client coordinator with the client's written consent. A minor need is solved with one contact. If the client needs several services, the client coordinator gathers the work-ability team's network meeting, and the client-responsible worker walks alongside the client until the client no longer needs the network."},"persona":{"fi":"Pohjanmaan hyvinvointialueen asiakas (yleinen malli, ei tietty henkilö)","sv":"En klient i Österbottens välfärdsområde (en allmän modell, inte en viss person)","en":"A client of the Pohjanmaa wellbeing services county (a generic model, not a particular person)"},"provenance":{"fi":"Kuvaus ”Työkyvyn tuen malli Pohjanmaan hyvinvointialueella” (Työkyvyn tuen palvelukokonaisuus Pohjanmaan hyvinvointialueella). Mallinnuksessa on hyödynnetty toisen työkykyhankkeen pohjaa: PALO-hanke, Oulu.","sv":"Beskrivningen ”Modellen för stöd för arbetsförmågan i Österbottens välfärdsområde” (servicehelheten för stöd för arbetsförmågan i Österbottens välfärdsområde). Modellen bygger på ett annat arbetsförmågeprojekt: PALO-projektet i Uleåborg.","en":"The description \\"Work-ability support model in the Pohjanmaa wellbeing services county\\" (the work-ability support service package of the Pohjanmaa wellbeing services county). The model was built on another work-ability project: the PALO project, Oulu."},"status":"published","notes":{"fi":"Asiakaskoordinaattori ja työkykykoordinaattori: mallin haaratekstissä vähäinen tarve ”ratkeaa yhdellä yhteydenotolla työkykykoordinaattoriin”, muualla mallissa yhteys otetaan asiakaskoordinaattoriin. Mallissa on yksi koordinaattorin laatikko, joten luemme nimet saman roolin nimiksi ja käytämme nimeä asiakaskoordinaattori. Idealamppu (koordinaattorin toiminta ja tehtävät) on askelissa, joissa asiakaskoordinaattori toimii: arvio siitä, riittääkö konsultaatio; konsultaatio; työkykytiimin kokoaminen; verkostokokous; asiakasvastaavan nimeäminen verkostossa, jonka koordinaattori on koonnut. Työntekijän yhteydenotto koordinaattoriin sekä asiakasvastaavan rinnalla kulkeminen, kirjaaminen, seuranta ja asiakkuuden päättäminen ovat muiden työntekijöiden tehtäviä, eikä niissä ole lamppua. Oletukset: Kykyviisari on piirretty tarpeen huomaamisen jälkeen, vaikka se voi myös itse paljastaa tarpeen (”mittarit”); työntekijä on asiakkaan kanssa jo työskentelevä työntekijä; konsultaatio ja kirjaaminen ovat ammattilaisten välisiä askelia, joita asiakas ei kohtaa; seurannasta palataan rinnalla kulkemiseen niin kauan kuin asiakas tarvitsee verkostoa. Kestoja, odotusaikoja ja kokousten kanavia malli ei kerro, joten niitä ei ole kuvattu. Yhteystiedot ovat mallin esimerkkejä (paikkamerkkejä): jokainen organisaatio asettaa omansa. Kykyviisarin kysymyksiä ei kopioida; askel linkittää Työterveyslaitoksen palveluun.","sv":"Klientkoordinator och samordnare för arbetsförmågan: i modellens förgreningstext löses ett litet behov ”med en kontakt till samordnaren för arbetsförmågan”, på andra ställen kontaktas klientkoordinatorn. Modellen har en enda koordinatorsruta, så vi läser namnen som samma roll och använder namnet klientkoordinator. Glödlampan (koordinatorns åtgärder och uppgifter) finns på de steg där klientkoordinatorn agerar: bedömningen av om en konsultation räcker, konsultationen, att samla arbetsförmågeteamet, nätverksmötet och att utse en ansvarig arbetstagare i nätverket som koordinatorn samlat. Arbetstagarens kontakt till koordinatorn samt den ansvariga arbetstagarens arbete vid klientens sida, dokumentation, uppföljning och avslutande av klientrelationen är andra arbetstagares uppgifter och har ingen glödlampa. Antaganden: Förmågaren är ritad efter att behovet märkts, fast den också själv kan visa behovet (”mätare”); arbetstagaren är en som redan arbetar med klienten; konsultationen och dokumentationen sker mellan yrkesutbildade och klienten möter dem inte; från uppföljningen återgår man till arbetet vid klientens sida så länge klienten behöver nätverket. Modellen anger inga tider, väntetider eller mötenas kanaler, så de är inte beskrivna. Kontaktuppgifterna är modellens exempel (platshållare): varje organisation anger sina egna. Förmågarens frågor kopieras inte; steget länkar till Arbetshälsoinstitutets tjänst.","en":"Client coordinator and work-ability coordinator: the model's branch text says a minor need \\"is solved with one contact with the work-ability coordinator\\", while elsewhere the model contacts the client coordinator. The model has a single coordinator box, so we read the two names as the same role and use the name client coordinator. The light bulb (the coordinator's actions and tasks) is on the steps where the client coordinator acts: assessing whether one consultation is enough, the consultation, gathering the work-ability team, the network meeting, and naming the client-responsible worker in the network the coordinator gathered. The worker's contact to the coordinator and the client-responsible worker's walking alongside, recording, follow-up and ending of the client relationship are other workers' tasks and carry no light bulb. Assumptions: Kykyviisari is drawn after the need is noticed, although it can also reveal the need itself (\\"measures\\"); the worker is one who already works with the client; the consultation and the recording happen between professionals and the client does not meet them; the follow-up returns to walking alongside as long as the client needs the network. The model gives no durations, waits or meeting channels, so none are described. The contact details are the model's examples (placeholders): each organisation sets its own. Kykyviisari's questions are not copied; the step links to the Finnish Institute of Occupational Health's service."},"stages":[{"id":"identify","title":{"fi":"Työkyvyn tuen tarpeen tunnistaminen","sv":"Att identifiera behovet av stöd för arbetsförmågan","en":"Identifying the need for work-ability support"}},{"id":"contact","title":{"fi":"Yhteydenotto asiakaskoordinaattoriin","sv":"Kontakt med klientkoordinatorn","en":"Contacting the client coordinator"}},{"id":"network","title":{"fi":"Työkykytiimin verkostokokous","sv":"Arbetsförmågeteamets nätverksmöte","en":"The work-ability team's network meeting"}},{"id":"alongside","title":{"fi":"Rinnalla kulkeminen","sv":"Att gå vid klientens sida","en":"Walking alongside"}},{"id":"ending","title":{"fi":"Asiakkuuden päättäminen","sv":"Att avsluta klientrelationen","en":"Ending the client relationship"}}],"actors":[{"id":"client","name":{"fi":"Asiakas","sv":"Klient","en":"Client"},"group":"client_side"},{"id":"close-ones","name":{"fi":"Läheiset","sv":"Närstående","en":"Close ones"},"group":"client_side"},{"id":"client-coordinator","name":{"fi":"Asiakaskoordinaattori","sv":"Klientkoordinator","en":"Client coordinator"},"group":"coordinator"},{"id":"client-responsible-worker","name":{"fi":"Asiakasvastaava","sv":"Ansvarig arbetstagare","en":"Client-responsible worker"},"group":"professional"},{"id":"worker","name":{"fi":"Asiakkaan kanssa työskentelevä työntekijä","sv":"Arbetstagare som arbetar med klienten","en":"Worker working with the client"},"group":"professional"},{"id":"social-services","name":{"fi":"Sosiaalihuolto","sv":"Socialvården","en":"Social services"},"group":"organisation"},{"id":"health-care","name":{"fi":"Terveydenhuolto","sv":"Hälso- och sjukvården","en":"Health care"},"group":"organisation"},{"id":"employment-services","name":{"fi":"Työllisyyspalvelut","sv":"Sysselsättningstjänster","en":"Employment services"},"group":"organisation"},{"id":"education","name":{"fi":"Koulutus","sv":"Utbildning","en":"Education"},"group":"organisation"},{"id":"kela","name":{"fi":"Kela","sv":"FPA","en":"Kela"},"group":"organisation"},{"id":"third-sector","name":{"fi":"3. sektori (järjestöt)","sv":"Tredje sektorn (organisationer)","en":"Third sector (NGOs)"},"group":"organisation"},{"id":"culture-education","name":{"fi":"Sivistys- ja kulttuuripalvelut","sv":"Bildnings- och kulturtjänster","en":"Culture and education services"},"group":"organisation"}],"contacts":[{"id":"client-coordinator-contact","label":{"fi":"Asiakaskoordinaattori (mallin esimerkkiyhteystiedot)","sv":"Klientkoordinator (modellens exempeluppgifter)","en":"Client coordinator (the model's example details)"},"email":"asiakaskoordinaattori.xxx@xxxx.fi","phone":"000 000 0000","placeholder":true}],"steps":[{"id":"need-identified","stage":"identify","title":{"fi":"Työkyvyn tuen tarve tunnistetaan","sv":"Behovet av stöd för arbetsförmågan identifieras","en":"The need for work-ability support is identified"},"description":{"fi":"Tarpeen voi huomata asiakas itse, asiakasvastaava, muu työntekijä tai mittarit. Asiakas ja hänen kanssaan työskentelevä työntekijä tunnistavat yhdessä tarpeen asiakkaan työkyvyn tukeen ja tilanteen edistämiseen.","sv":"Behovet kan märkas av klienten själv, den ansvariga arbetstagaren, en annan arbetstagare eller av mätare. Klienten och arbetstagaren som arbetar med klienten identifierar tillsammans behovet av stöd för arbetsförmågan och av att föra situationen framåt.","en":"The need can be noticed by the client, the client-responsible worker, another worker, or by measures. The client and the worker working with them identify together the need for work-ability support and for moving the situation forward."},"client_text":{"fi":"Sinä tai työntekijä huomaatte, että tarvitset tukea työkykyysi.","sv":"Du eller en arbetstagare märker att du behöver stöd för din arbetsförmåga.","en":"You or a worker notice that you need support with your work ability."},"actors":["client","worker","client-responsible-worker"]},{"id":"kykyviisari","stage":"identify","title":{"fi":"Kykyviisari-itsearviointi","sv":"Självskattning med Förmågaren","en":"Self-assessment with the Abilitator (Kykyviisari)"},"description":{"fi":"Asiakas täyttää Kykyviisarin itsenäisesti tai oman työntekijänsä tuella työkyvyn tuen tarpeen tunnistamiseksi. Kykyviisari on Työterveyslaitoksen maksuton työ- ja toimintakyvyn itsearviointi. Polulle kirjataan vain, että arviointi on tehty, ja asiakkaan oma yhteenveto.","sv":"Klienten fyller i Förmågaren på egen hand eller med stöd av sin arbetstagare för att identifiera behovet av stöd för arbetsförmågan. Förmågaren är Arbetshälsoinstitutets avgiftsfria självskattning av arbets- och funktionsförmågan. På stigen antecknas bara att skattningen är gjord och klientens egen sammanfattning.","en":"The client fills in Kykyviisari on their own or with their worker's support, to identify the need for work-ability support. Kykyviisari is the Finnish Institute of Occupational Health's free self-assessment of work and functional capacity. The path records only that it was done and the client's own summary."},"client_text":{"fi":"Täytät Kykyviisarin. Se on kysely työkyvystäsi. Voit täyttää sen itse tai työntekijän kanssa.","sv":"Du fyller i Förmågaren. Det är en enkät om din arbetsförmåga. Du kan fylla i den själv eller med en arbetstagare.","en":"You fill in the Abilitator. It is a questionnaire about your work ability. You can do it on your own or with a worker."},"actors":["client","worker"],"kind":"self_assessment","channels":["online"],"links":[{"label":{"fi":"Kykyviisari (Työterveyslaitos)","sv":"Förmågaren (Arbetshälsoinstitutet)","en":"Abilitator (Finnish Institute of Occupational Health)"},"url":"https://kykyviisari.fi"}]},{"id":"consent-y100","stage":"contact","title":{"fi":"Kirjallinen suostumus (Kela Y 100)","sv":"Skriftligt samtycke (FPA Y 100)","en":"Written consent (Kela form Y 100)"},"description":{"fi":"Työntekijä pyytää asiakkaalta suostumuksen kirjallisesti Kelan lomakkeella Y 100 (yleinen suostumuslomake) ennen yhteydenottoa asiakaskoordinaattoriin. Suostumus on yksilöity, tietoinen ja vapaaehtoinen, ja asiakas voi perua sen milloin tahansa.","sv":"Arbetstagaren ber klienten om ett skriftligt samtycke på FPA:s blankett Y 100 (allmän samtyckesblankett) innan klientkoordinatorn kontaktas. Samtycket är specificerat, informerat och frivilligt, och klienten kan återkalla det när som helst.","en":"The worker asks the client for written consent on Kela form Y 100 (the general consent form) before contacting the client coordinator. Consent is specific, informed and voluntary, and the client can withdraw it at any time."},"client_text":{"fi":"Työntekijä kysyy lupaasi. Annat luvan kirjallisesti lomakkeella Y 100. Silloin työntekijät voivat puhua asioistasi keskenään. Voit perua luvan milloin vain.","sv":"Arbetstagaren frågar om ditt lov. Du ger lov skriftligt på blanketten Y 100. Då kan arbetstagarna tala om dina ärenden med varandra. Du kan ta tillbaka ditt lov när som helst.","en":"The worker asks for your permission. You give it in writing on form Y 100. Then the workers can talk about your matters with each other. You can take your permission back at any time."},"actors":["worker","client"],"kind":"document","links":[{"label":{"fi":"Kelan lomake Y 100: Yleinen suostumuslomake (PDF)","sv":"FPA:s blankett Y 100: Allmän samtyckesblankett (PDF)","en":"Kela form Y 100: general consent form (PDF)"},"url":"https://www.kela.fi/documents/10192/3861304/Y100.pdf"}]},{"id":"contact-coordinator","stage":"contact","title":{"fi":"Työntekijä ottaa yhteyttä asiakaskoordinaattoriin","sv":"Arbetstagaren kontaktar klientkoordinatorn","en":"The worker contacts the client coordinator"},"description":{"fi":"Asiakkaan työkyvyn tuen tarpeen tunnistaminen ja tilanteen edistäminen edellyttävät yhteydenottoa asiakaskoordinaattoriin. Työntekijä ottaa asiakkaan suostumuksella yhteyttä sähköpostitse tai puhelimitse.","sv":"För att identifiera klientens behov av stöd för arbetsförmågan och föra situationen framåt behövs en kontakt med klientkoordinatorn. Arbetstagaren kontaktar koordinatorn per e-post eller telefon med klientens samtycke.","en":"Identifying the client's need for work-ability support and moving the situation forward require contacting the client coordinator. With the client's consent the worker contacts the coordinator by e-mail or phone."},"client_text":{"fi":"Työntekijä ottaa yhteyttä asiakaskoordinaattoriin sähköpostilla tai puhelimella.","sv":"Arbetstagaren kontaktar klientkoordinatorn per e-post eller telefon.","en":"The worker contacts the client coordinator by e-mail or phone."},"actors":["worker","client-coordinator"],"kind":"contact","channels":["email","phone"],"contacts":["client-coordinator-contact"]},{"id":"coordinator-assessment","stage":"contact","title":{"fi":"Riittääkö yksi konsultaatio vai tarvitaanko palveluiden koordinointia?","sv":"Räcker en konsultation, eller behövs samordning av tjänsterna?","en":"Is one consultation enough, or do the services need coordinating?"},"description":{"fi":"Asiakaskoordinaattori arvioi työntekijän kanssa tarpeen. Vähäinen tarve ratkeaa yhdellä yhteydenotolla, eikä työkyvyn tuen tiimin palveluille ole tarvetta. Jos asiakas tarvitsee useita palveluita, tarvitaan palveluiden koordinointia.","sv":"Klientkoordinatorn bedömer behovet tillsammans med arbetstagaren. Ett litet behov löses med en enda kontakt, och teamet för stödet för arbetsförmågan behövs inte. Om klienten behöver flera tjänster behövs samordning av tjänsterna.","en":"The client coordinator assesses the need with the worker. A minor need is solved with one contact, and the work-ability support team's services are not needed. If the client needs several services, the services must be coordinated."},"client_text":{"fi":"Asiakaskoordinaattori ja työntekijä miettivät, millaista tukea tarvitset.","sv":"Klientkoordinatorn och arbetstagaren funderar på vilket stöd du behöver.","en":"The client coordinator and the worker think about what support you need."},"actors":["client-coordinator","worker"],"kind":"decision","coordinator":true},{"id":"consultation","stage":"contact","title":{"fi":"Asiakaskoordinaattorin konsultaatio","sv":"Konsultation med klientkoordinatorn","en":"Consultation with the client coordinator"},"description":{"fi":"Asiakkaalla ei ole tarvetta verkostolle: konsultaatio riittää. Asiakaskoordinaattori neuvoo työntekijää, ja asia ratkeaa tällä yhdellä yhteydenotolla.","sv":"Klienten behöver inget nätverk: en konsultation räcker. Klientkoordinatorn ger arbetstagaren råd, och ärendet löses med denna enda kontakt.","en":"The client needs no network: a consultation is enough. The client coordinator advises the worker, and the matter is solved with this one contact."},"client_text":{"fi":"Asiakaskoordinaattori neuvoo työntekijää. Sinun ei tarvitse tehdä mitään.","sv":"Klientkoordinatorn ger arbetstagaren råd. Du behöver inte göra något.","en":"The client coordinator advises the worker. You do not need to do anything."},"actors":["client-coordinator","worker"],"kind":"contact","coordinator":true,"audience":"professionals"},{"id":"minor-need-solved","stage":"contact","title":{"fi":"Vähäinen tarve ratkesi – verkostoa ei tarvita","sv":"Det lilla behovet är löst – inget nätverk behövs","en":"The minor need is solved – no network is needed"},"description":{"fi":"Polku päättyy tähän. Työkyvyn tuen tiimin palveluita ei tarvita.","sv":"Stigen slutar här. Teamet för stödet för arbetsförmågan behövs inte.","en":"The path ends here. The work-ability support team's services are not needed."},"client_text":{"fi":"Asiasi ratkesi yhdellä yhteydenotolla. Et tarvitse verkostoa.","sv":"Ditt ärende löstes med en kontakt. Du behöver inget nätverk.","en":"Your matter was solved with one contact. You do not need a network."},"actors":["worker","client"],"kind":"end"},{"id":"gather-team","stage":"network","title":{"fi":"Asiakaskoordinaattori kokoaa työkykytiimin","sv":"Klientkoordinatorn samlar arbetsförmågeteamet","en":"The client coordinator gathers the work-ability team"},"description":{"fi":"Asiakaskoordinaattori kokoaa asiakkaan tarpeen mukaiset toimijat työkykytiimin verkostoon. Toimijoita voivat olla asiakas, läheiset, sosiaalihuolto, terveydenhuolto, työllisyys, koulutus, Kela, 3. sektori sekä sivistys- ja kulttuuripalvelut.","sv":"Klientkoordinatorn samlar de aktörer som klienten behöver i arbetsförmågeteamets nätverk. Aktörerna kan vara klienten, närstående, socialvården, hälso- och sjukvården, sysselsättning, utbildning, FPA, tredje sektorn samt bildnings- och kulturtjänster.","en":"The client coordinator gathers the actors the client needs into the work-ability team's network. The actors can be the client, close ones, social services, health care, employment, education, Kela, the third sector, and culture and education services."},"client_text":{"fi":"Asiakaskoordinaattori kutsuu koolle ne ammattilaiset, joita tarvitset.","sv":"Klientkoordinatorn bjuder in de yrkesutbildade som du behöver.","en":"The client coordinator invites the professionals you need."},"actors":["client-coordinator"],"coordinator":true,"audience":"professionals"},{"id":"network-meeting","stage":"network","title":{"fi":"Työkykytiimin verkostokokous","sv":"Arbetsförmågeteamets nätverksmöte","en":"The work-ability team's network meeting"},"description":{"fi":"Verkostokokouksessa sovitaan konkreettisista toimenpiteistä asiakkaan tilanteen edistämiseksi. Mukana ovat ne toimijat, joita asiakas tarvitsee.","sv":"På nätverksmötet kommer man överens om konkreta åtgärder för att föra klientens situation framåt. De aktörer som klienten behöver är med.","en":"The network meeting agrees on concrete actions to move the client's situation forward. The actors the client needs take part."},"client_text":{"fi":"Tapaat sinua auttavat ammattilaiset yhdessä. Läheisesi voivat olla mukana. Sovitte, mitä tehdään seuraavaksi.","sv":"Du träffar de yrkesutbildade som hjälper dig tillsammans. Dina närstående kan vara med. Ni kommer överens om vad som görs härnäst.","en":"You meet the professionals who help you, all together. Your close ones can come too. Together you agree what happens next."},"actors":["client-coordinator","client","close-ones","social-services","health-care","employment-services","education","kela","third-sector","culture-education"],"kind":"network_meeting","coordinator":true},{"id":"name-responsible-worker","stage":"network","title":{"fi":"Asiakasvastaava nimetään (ellei ole jo nimetty)","sv":"En ansvarig arbetstagare utses (om ingen redan har utsetts)","en":"A client-responsible worker is named (unless already named)"},"description":{"fi":"Työkykytiimin verkostossa nimetään asiakkaalle asiakasvastaava, ellei sellaista ole jo aiemmin nimetty.","sv":"I arbetsförmågeteamets nätverk utses en ansvarig arbetstagare för klienten, om ingen redan har utsetts tidigare.","en":"The work-ability team's network names a client-responsible worker for the client, unless one was named earlier."},"client_text":{"fi":"Saat asiakasvastaavan, jos sinulla ei vielä ole. Asiakasvastaava on työntekijä, joka auttaa sinua.","sv":"Du får en ansvarig arbetstagare om du inte redan har en. Det är en arbetstagare som hjälper dig.","en":"You get a client-responsible worker if you do not have one yet. This is a worker who helps you."},"actors":["client-coordinator","client-responsible-worker","client"],"coordinator":true},{"id":"walk-alongside","stage":"alongside","title":{"fi":"Asiakasvastaava kulkee rinnalla ja koordinoi palveluita","sv":"Den ansvariga arbetstagaren går vid klientens sida och samordnar tjänsterna","en":"The client-responsible worker walks alongside and coordinates the services"},"description":{"fi":"Asiakasvastaava kulkee asiakkaan rinnalla verkostossa ja koordinoi asiakkaan tarvitsemia palveluita tilanteen edistämiseksi.","sv":"Den ansvariga arbetstagaren går vid klientens sida i nätverket och samordnar de tjänster som klienten behöver för att föra situationen framåt.","en":"The client-responsible worker walks alongside the client in the network and coordinates the services the client needs to move the situation forward."},"client_text":{"fi":"Asiakasvastaava kulkee rinnallasi. Hän auttaa, että saat tarvitsemasi palvelut.","sv":"Den ansvariga arbetstagaren går vid din sida. Hen hjälper dig att få de tjänster du behöver.","en":"Your client-responsible worker walks alongside you. They help you get the services you need."},"actors":["client-responsible-worker","client","social-services","health-care","employment-services","education","kela","third-sector","culture-education"]},{"id":"record-information","stage":"alongside","title":{"fi":"Tiedon kirjaaminen työ- ja toimintakyvystä","sv":"Dokumentation om arbets- och funktionsförmågan","en":"Recording information on work and functional capacity"},"description":{"fi":"Asiakasvastaava kirjaa tietoa asiakkaan työ- ja toimintakyvystä sekä tuen tarpeesta. Tieto rakentuu asiakkaan tavoitteiden mukaan sekä jatkuvan arvioinnin, seurannan ja vuoropuhelun avulla.","sv":"Den ansvariga arbetstagaren dokumenterar uppgifter om klientens arbets- och funktionsförmåga och stödbehov. Uppgifterna byggs upp utifrån klientens mål och genom fortlöpande bedömning, uppföljning och dialog.","en":"The client-responsible worker records information on the client's work and functional capacity and support needs. The information builds on the client's own goals, through continuous assessment, follow-up and dialogue."},"client_text":{"fi":"Asiakasvastaava kirjaa tietoja työkyvystäsi. Tiedot perustuvat sinun omiin tavoitteisiisi.","sv":"Den ansvariga arbetstagaren antecknar uppgifter om din arbetsförmåga. Uppgifterna bygger på dina egna mål.","en":"Your client-responsible worker writes down information about your work ability. It is based on your own goals."},"actors":["client-responsible-worker"],"kind":"document","audience":"professionals"},{"id":"follow-up","stage":"alongside","title":{"fi":"Jatkuva arviointi, seuranta ja vuoropuhelu","sv":"Fortlöpande bedömning, uppföljning och dialog","en":"Continuous assessment, follow-up and dialogue"},"description":{"fi":"Asiakasvastaava ja asiakas arvioivat ja seuraavat yhdessä, miten asiakkaan tavoitteet etenevät, ja tarvitseeko asiakas vielä verkostoa.","sv":"Den ansvariga arbetstagaren och klienten bedömer och följer tillsammans upp hur klientens mål framskrider och om klienten ännu behöver nätverket.","en":"The client-responsible worker and the client assess and follow up together how the client's goals are progressing and whether the client still needs the network."},"client_text":{"fi":"Asiakasvastaava ja sinä puhutte yhdessä, miten sinulla menee ja mitä tarvitset vielä.","sv":"Du och den ansvariga arbetstagaren pratar tillsammans om hur det går för dig och vad du ännu behöver.","en":"You and your client-responsible worker talk together about how you are doing and what you still need."},"actors":["client-responsible-worker","client"],"kind":"meeting"},{"id":"end-client-relationship","stage":"ending","title":{"fi":"Asiakasvastaava päättää asiakkuuden","sv":"Den ansvariga arbetstagaren avslutar klientrelationen","en":"The client-responsible worker ends the client relationship"},"description":{"fi":"Asiakasvastaava päättää asiakkuuden, kun asiakas ei enää tarvitse verkostoa.","sv":"Den ansvariga arbetstagaren avslutar klientrelationen när klienten inte längre behöver nätverket.","en":"The client-responsible worker ends the client relationship when the client no longer needs the network."},"client_text":{"fi":"Kun et enää tarvitse verkostoa, asiakkuutesi päättyy.","sv":"När du inte längre behöver nätverket avslutas din klientrelation.","en":"When you no longer need the network, your time as a client ends."},"actors":["client-responsible-worker","client"],"kind":"end"}],"transitions":[{"source":"need-identified","target":"kykyviisari"},{"source":"kykyviisari","target":"consent-y100"},{"source":"consent-y100","target":"contact-coordinator"},{"source":"contact-coordinator","target":"coordinator-assessment"},{"source":"coordinator-assessment","target":"consultation","condition":{"fi":"Vähäinen tarve: yksi konsultaatio riittää","sv":"Litet behov: en konsultation räcker","en":"Minor need: one consultation is enough"}},{"source":"consultation","target":"minor-need-solved"},{"source":"coordinator-assessment","target":"gather-team","condition":{"fi":"Asiakas tarvitsee useita palveluita","sv":"Klienten behöver flera tjänster","en":"The client needs several services"}},{"source":"gather-team","target":"network-meeting"},{"source":"network-meeting","target":"name-responsible-worker"},{"source":"name-responsible-worker","target":"walk-alongside"},{"source":"walk-alongside","target":"record-information"},{"source":"record-information","target":"follow-up"},{"source":"follow-up","target":"walk-alongside","condition":{"fi":"Asiakas tarvitsee vielä verkostoa","sv":"Klienten behöver ännu nätverket","en":"The client still needs the network"}},{"source":"follow-up","target":"end-client-relationship","condition":{"fi":"Asiakas ei enää tarvitse verkostoa","sv":"Klienten behöver inte längre nätverket","en":"The client no longer needs the network"}}]}
ari	2	2026-12-01 09:03:26.5051+00	Testi Tekijä	toinen versio	{}	\N	{"schema_version": 1,"id":"ari","title":{"fi":"Työkyvyn tuen asiakas Arin polku","sv":"Aris stig – en klient inom stödet för arbetsförmågan","en":"Ari's path – a work-ability support client"},"summary":{"fi":"Ari ohjautuu työllisyyden kuntakokeilun kautta työkykykoordinaattorille. Työkykykoordinaattori kokoaa moniammatillisen asiantuntijaryhmän palaverin, jossa todetaan kuntoutuksen tarve työkyvyn vahvistamiseksi.","sv":"Ari hänvisas via kommunförsöket med sysselsättning till samordnaren för arbetsförmågan. Samordnaren sammankallar ett möte med en multiprofessionell expertgrupp, där man konstaterar att Ari behöver rehabilitering för att stärka arbetsförmågan.","en":"Ari is referred through the municipal employment pilot to the work-ability coordinator. The coordinator convenes a multi-professional expert group meeting, where the need for rehabilitation to strengthen Ari's work ability is identified."},"persona":{"fi":"Ari, kuvitteellinen esimerkkiasiakas, joka tarvitsee tukea työkykyynsä ja on työllisyyden kuntakokeilun asiakas","sv":"Ari, en påhittad exempelklient som behöver stöd för sin arbetsförmåga och är klient i kommunförsöket med sysselsättning","en":"Ari, a fictional example client who needs work-ability support and is a client of the municipal employment pilot"},"provenance":{"fi":"Työkyvyn tuen palvelukokonaisuutta kehittäneen alueellisen hankkeen palvelupolkukuvaukset (”Palvelupolkukuvausten taustaa”): työkykykoordinaattori-palvelupilotti. Osatoteuttajat Padasjoen kunta ja LAB-ammattikorkeakoulu; mukana mm. Hollolan työllisyyden kuntakokeilu, Kela, TE-palvelut, TulSoTe-hanke ja TYP.","sv":"Servicestigsbeskrivningarna från ett regionalt projekt som utvecklade servicehelheten för stöd för arbetsförmågan (”Bakgrunden till servicestigsbeskrivningarna”): pilotprojektet med samordnare för arbetsförmågan. Delgenomförare Padasjoki kommun och LAB-yrkeshögskolan; med bl.a. Hollola kommuns försök med sysselsättning, FPA, arbets- och näringstjänsterna, TulSoTe-projektet och TYP.","en":"The service path descriptions of a regional project that developed the work-ability support service package (\\"Background of the service path descriptions\\"): the work-ability coordinator service pilot. Co-implementers Padasjoki municipality and LAB University of Applied Sciences; partners included the Hollola municipal employment pilot, Kela, TE services, the TulSoTe project and TYP."},"status":"published","notes":{"fi":"Lähde kertoo polusta kolme asiaa: Ari ohjautuu kuntakokeilun kautta työkykykoordinaattorille, koordinaattori kokoaa moniammatillisen asiantuntijaryhmän palaverin, ja palaverissa todetaan kuntoutuksen tarve. Muut askeleet on pidetty yleisinä. Oletukset: koordinaattori tapaa Arin ja selvittää tilanteen ennen palaveria (lähteen kuvaama rooli: polun selkiyttäminen); asiantuntijaryhmän kokoaminen on ammattilaisten välinen askel; Ari osallistuu palaveriin; kuntoutukseen ohjaaminen kuvataan yleisenä askeleena, koska lähde ei nimeä kuntoutusmuotoa eikä järjestäjää (koordinaattorin rooliin kuuluu ohjaus oikeisiin palveluihin oikeaan aikaan); polun kuvaus päättyy, kun Ari on ohjattu kuntoutukseen. Idealamppu (koordinaattorin toiminta ja tehtävät) on askelissa, joissa työkykykoordinaattori toimii: tapaaminen, asiantuntijaryhmän kokoaminen, palaveri ja kuntoutukseen ohjaaminen. Suostumusta, kestoja ja kanavia lähde ei kerro. Työkykykoordinaattoripalvelu oli lähteen laatimishetkellä pilotti, jonka jatko ei ollut varma.","sv":"Källan säger tre saker om stigen: Ari hänvisas via kommunförsöket till samordnaren för arbetsförmågan, samordnaren sammankallar ett möte med en multiprofessionell expertgrupp, och på mötet konstateras behovet av rehabilitering. De övriga stegen har hållits allmänna. Antaganden: samordnaren träffar Ari och reder ut situationen före mötet (rollen som källan beskriver: att klargöra stigen); att samla expertgruppen är ett steg mellan yrkesutbildade; Ari deltar i mötet; hänvisningen till rehabilitering beskrivs som ett allmänt steg, eftersom källan inte nämner rehabiliteringsform eller anordnare (till samordnarens roll hör att vägleda till rätt tjänster i rätt tid); beskrivningen slutar när Ari har hänvisats till rehabilitering. Glödlampan (samordnarens åtgärder och uppgifter) finns på de steg där samordnaren agerar: mötet med Ari, att samla expertgruppen, expertgruppens möte och hänvisningen till rehabilitering. Källan säger inget om samtycke, tider eller kanaler. Tjänsten med samordnare för arbetsförmågan var ett pilotprojekt vars fortsättning inte var säker när källan skrevs.","en":"The source says three things about this path: Ari is referred through the municipal employment pilot to the work-ability coordinator, the coordinator convenes a multi-professional expert group meeting, and the meeting identifies the need for rehabilitation. The other steps are kept general. Assumptions: the coordinator meets Ari and clarifies the situation before the meeting (the role the source describes: clarifying the path); assembling the expert group happens between professionals; Ari takes part in the meeting; guidance to rehabilitation is a general step because the source names neither the kind of rehabilitation nor its provider (guiding the client to the right services at the right time is part of the coordinator's role); the description ends when Ari has been guided to rehabilitation. The light bulb (the coordinator's actions and tasks) is on the steps where the work-ability coordinator acts: meeting Ari, assembling the expert group, the expert group meeting and the guidance to rehabilitation. The source says nothing about consent, durations or channels. When the source was written the work-ability coordinator service was a pilot whose continuation was not certain."},"stages":[{"id":"referral","title":{"fi":"Ohjautuminen kuntakokeilun kautta","sv":"Hänvisning via kommunförsöket","en":"Referral through the employment pilot"}},{"id":"coordinator","title":{"fi":"Työkykykoordinaattori","sv":"Samordnaren för arbetsförmågan","en":"The work-ability coordinator"}},{"id":"expert-group","title":{"fi":"Moniammatillinen asiantuntijaryhmä","sv":"Den multiprofessionella expertgruppen","en":"The multi-professional expert group"}},{"id":"rehabilitation","title":{"fi":"Kuntoutukseen","sv":"Till rehabilitering","en":"On to rehabilitation"}}],"actors":[{"id":"client","name":{"fi":"Asiakas (Ari)","sv":"Klient (Ari)","en":"Client (Ari)"},"group":"client_side"},{"id":"employment-pilot","name":{"fi":"Työllisyyden kuntakokeilu","sv":"Kommunförsöket med sysselsättning","en":"Municipal employment pilot"},"group":"organisation"},{"id":"coordinator","name":{"fi":"Työkykykoordinaattori","sv":"Samordnare för arbetsförmågan","en":"Work-ability coordinator"},"group":"coordinator"},{"id":"expert-group","name":{"fi":"Moniammatillinen asiantuntijaryhmä","sv":"Multiprofessionell expertgrupp","en":"Multi-professional expert group"},"group":"professional"},{"id":"rehabilitation-services","name":{"fi":"Kuntoutuspalvelut","sv":"Rehabiliteringstjänster","en":"Rehabilitation services"},"group":"organisation"}],"steps":[{"id":"referral-to-coordinator","stage":"referral","title":{"fi":"Ohjautuminen kuntakokeilun kautta työkykykoordinaattorille","sv":"Hänvisning via kommunförsöket till samordnaren för arbetsförmågan","en":"Referral through the employment pilot to the work-ability coordinator"},"description":{"fi":"Ari ohjautuu työllisyyden kuntakokeilun kautta työkykykoordinaattorille.","sv":"Ari hänvisas via kommunförsöket med sysselsättning till samordnaren för arbetsförmågan.","en":"Ari is referred through the municipal employment pilot to the work-ability coordinator."},"client_text":{"fi":"Kuntakokeilun työntekijä ohjaa sinut työkykykoordinaattorille.","sv":"En arbetstagare i kommunförsöket hänvisar dig till samordnaren för arbetsförmågan.","en":"A worker at the employment pilot sends you to the work-ability coordinator."},"actors":["employment-pilot","client","coordinator"],"kind":"contact"},{"id":"coordinator-meeting","stage":"coordinator","title":{"fi":"Työkykykoordinaattori selvittää tilanteen Arin kanssa","sv":"Samordnaren reder ut situationen med Ari","en":"The coordinator clarifies the situation with Ari"},"description":{"fi":"Työkykykoordinaattori selkiyttää asiakkaan polkua ja arvioi, keitä asiantuntijoita tilanteen edistämiseen tarvitaan. Lähde ei kuvaa tapaamista tarkemmin.","sv":"Samordnaren för arbetsförmågan klargör klientens stig och bedömer vilka experter som behövs för att föra situationen framåt. Källan beskriver inte mötet närmare.","en":"The work-ability coordinator clarifies the client's path and considers which experts are needed to move the situation forward. The source does not describe this meeting in more detail."},"client_text":{"fi":"Tapaat työkykykoordinaattorin. Kerrot tilanteestasi. Koordinaattori auttaa sinua eteenpäin.","sv":"Du träffar samordnaren för arbetsförmågan. Du berättar om din situation. Samordnaren hjälper dig vidare.","en":"You meet the work-ability coordinator. You tell them about your situation. The coordinator helps you move on."},"actors":["coordinator","client"],"kind":"meeting","coordinator":true},{"id":"assemble-expert-group","stage":"expert-group","title":{"fi":"Työkykykoordinaattori kokoaa moniammatillisen asiantuntijaryhmän","sv":"Samordnaren samlar en multiprofessionell expertgrupp","en":"The coordinator assembles a multi-professional expert group"},"description":{"fi":"Työkykykoordinaattori kokoaa ja koordinoi asiakkaan tilanteeseen tarvittavan moniammatillisen asiantuntijaverkoston. Verkoston kokoaminen ja sen merkitys on nostettu esille asiakkaan polulla.","sv":"Samordnaren för arbetsförmågan samlar och samordnar det multiprofessionella expertnätverk som klientens situation kräver. Att samla nätverket och dess betydelse lyfts fram på klientens stig.","en":"The work-ability coordinator assembles and coordinates the multi-professional expert network the client's situation needs. Assembling the network, and why it matters, is highlighted on the client's path."},"client_text":{"fi":"Työkykykoordinaattori kutsuu koolle ammattilaiset, joita tarvitset.","sv":"Samordnaren bjuder in de yrkesutbildade som du behöver.","en":"The coordinator invites the professionals you need."},"actors":["coordinator","expert-group"],"coordinator":true,"audience":"professionals"},{"id":"expert-group-meeting","stage":"expert-group","title":{"fi":"Moniammatillisen asiantuntijaryhmän palaveri","sv":"Möte med den multiprofessionella expertgruppen","en":"Multi-professional expert group meeting"},"description":{"fi":"Työkykykoordinaattorin kokoama asiantuntijaryhmä käsittelee asiakkaan tilannetta yhdessä. Ryhmän kokoonpanoa lähde ei kerro.","sv":"Expertgruppen som samordnaren samlat behandlar klientens situation tillsammans. Källan anger inte gruppens sammansättning.","en":"The expert group assembled by the work-ability coordinator discusses the client's situation together. The source does not say who is in the group."},"client_text":{"fi":"Tapaat ammattilaiset yhdessä. Mietitte, mikä auttaisi sinua.","sv":"Du träffar de yrkesutbildade tillsammans. Ni funderar på vad som kan hjälpa dig.","en":"You meet the professionals all together. You think together about what would help you."},"actors":["coordinator","client","expert-group"],"kind":"network_meeting","coordinator":true},{"id":"rehabilitation-need","stage":"expert-group","title":{"fi":"Todetaan kuntoutuksen tarve","sv":"Behovet av rehabilitering konstateras","en":"The need for rehabilitation is identified"},"description":{"fi":"Palaverissa todetaan kuntoutuksen tarve työkyvyn vahvistamiseksi.","sv":"På mötet konstateras behovet av rehabilitering för att stärka arbetsförmågan.","en":"The meeting identifies the need for rehabilitation to strengthen work ability."},"client_text":{"fi":"Palaverissa todetaan, että kuntoutus voi vahvistaa työkykyäsi.","sv":"På mötet konstateras att rehabilitering kan stärka din arbetsförmåga.","en":"The meeting finds that rehabilitation can make your work ability stronger."},"actors":["expert-group","client"]},{"id":"guidance-to-rehabilitation","stage":"rehabilitation","title":{"fi":"Ohjaus kuntoutukseen","sv":"Vägledning till rehabilitering","en":"Guidance to rehabilitation"},"description":{"fi":"Työkykykoordinaattori ohjaa asiakasta oikeisiin palveluihin oikeaan aikaan. Kuntoutusmuotoa ja sen järjestäjää lähde ei nimeä, joten askel on kuvattu yleisenä.","sv":"Samordnaren för arbetsförmågan vägleder klienten till rätt tjänster i rätt tid. Källan nämner inte rehabiliteringsform eller anordnare, så steget är beskrivet i allmänna drag.","en":"The work-ability coordinator guides the client to the right services at the right time. The source names neither the kind of rehabilitation nor its provider, so the step is kept general."},"client_text":{"fi":"Työkykykoordinaattori auttaa sinua pääsemään kuntoutukseen.","sv":"Samordnaren hjälper dig att komma till rehabilitering.","en":"The coordinator helps you get to rehabilitation."},"actors":["coordinator","client","rehabilitation-services"],"coordinator":true},{"id":"end","stage":"rehabilitation","title":{"fi":"Ari jatkaa kuntoutukseen","sv":"Ari går vidare till rehabilitering","en":"Ari goes on to rehabilitation"},"description":{"fi":"Polun kuvaus päättyy tähän. Lähde ei kuvaa kuntoutuksen kulkua.","sv":"Beskrivningen av stigen slutar här. Källan beskriver inte hur rehabiliteringen går till.","en":"The path description ends here. The source does not describe the rehabilitation itself."},"client_text":{"fi":"Jatkat kuntoutukseen. Tämä polku päättyy tähän.","sv":"Du går vidare till rehabilitering. Den här stigen slutar här.","en":"You go on to rehabilitation. This path ends here."},"actors":["client","rehabilitation-services"],"kind":"end"}],"transitions":[{"source":"referral-to-coordinator","target":"coordinator-meeting"},{"source":"coordinator-meeting","target":"assemble-expert-group"},{"source":"assemble-expert-group","target":"expert-group-meeting"},{"source":"expert-group-meeting","target":"rehabilitation-need"},{"source":"rehabilitation-need","target":"guidance-to-rehabilitation"},{"source":"guidance-to-rehabilitation","target":"end"}]}
\.


--
-- Data for Name: paths; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.paths (id, latest_version, deleted, created_at, updated_at, title, persona, status, n_stages, n_steps, n_coordinator) FROM stdin;
maija	1	f	2026-12-01 09:03:26.497101+00	2026-12-01 09:03:26.497101+00	{"fi":"Sote-keskuksen asiakkaan Maijan polku","sv":"Maijas stig – en klient vid social- och hälsocentralen","en":"Maija's path – a client of the health and social services centre"}	{"fi":"Maija, kuvitteellinen esimerkkiasiakas, jonka työkyvyn tuen tarve huomataan sote-keskuksessa","sv":"Maija, en påhittad exempelklient vars behov av stöd för arbetsförmågan upptäcks vid social- och hälsocentralen","en":"Maija, a fictional example client whose need for work-ability support is noticed at the health and social services centre"}	published	5	8	5
pohjanmaa	1	f	2026-12-01 09:03:26.499776+00	2026-12-01 09:03:26.499776+00	{"fi":"Työkyvyn tuen malli Pohjanmaan hyvinvointialueella","sv":"Modellen för stöd för arbetsförmågan i Österbottens välfärdsområde","en":"Work-ability support model in the Pohjanmaa wellbeing services county"}	{"fi":"Pohjanmaan hyvinvointialueen asiakas (yleinen malli, ei tietty henkilö)","sv":"En klient i Österbottens välfärdsområde (en allmän modell, inte en viss person)","en":"A client of the Pohjanmaa wellbeing services county (a generic model, not a particular person)"}	published	5	14	5
ari	2	f	2026-12-01 09:03:26.493041+00	2026-12-01 09:03:26.5051+00	{"fi":"Työkyvyn tuen asiakas Arin polku","sv":"Aris stig – en klient inom stödet för arbetsförmågan","en":"Ari's path – a work-ability support client"}	{"fi":"Ari, kuvitteellinen esimerkkiasiakas, joka tarvitsee tukea työkykyynsä ja on työllisyyden kuntakokeilun asiakas","sv":"Ari, en påhittad exempelklient som behöver stöd för sin arbetsförmåga och är klient i kommunförsöket med sysselsättning","en":"Ari, a fictional example client who needs work-ability support and is a client of the municipal employment pilot"}	published	4	7	4
\.


--
-- Data for Name: personal_links; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.personal_links (id, personal_id, token_hash, created_at, revoked_at, failed_pins, locked_until) FROM stdin;
1	8a27be59730843fcbe534e4cae961352	d1388160fa2c80b2a3a9149fcfdc809074eafb5f82a52506c553d22e7d2ca44b	2026-12-01 09:03:26.777337	\N	0	\N
\.


--
-- Data for Name: personal_paths; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.personal_paths (id, owner, display_name, lang, source_path_id, source_version, source_json, current_version, pin_hash, created_at, updated_at, last_opened_at) FROM stdin;
8a27be59730843fcbe534e4cae961352	Fasilitaattori Testi	Esimerkki Asiakas	fi	ari	2	{"schema_version":1,"id":"ari","title":{"fi":"Työkyvyn tuen asiakas Arin polku","sv":"Aris stig – en klient inom stödet för arbetsförmågan","en":"Ari's path – a work-ability support client"},"summary":{"fi":"Ari ohjautuu työllisyyden kuntakokeilun kautta työkykykoordinaattorille. Työkykykoordinaattori kokoaa moniammatillisen asiantuntijaryhmän palaverin, jossa todetaan kuntoutuksen tarve työkyvyn vahvistamiseksi.","sv":"Ari hänvisas via kommunförsöket med sysselsättning till samordnaren för arbetsförmågan. Samordnaren sammankallar ett möte med en multiprofessionell expertgrupp, där man konstaterar att Ari behöver rehabilitering för att stärka arbetsförmågan.","en":"Ari is referred through the municipal employment pilot to the work-ability coordinator. The coordinator convenes a multi-professional expert group meeting, where the need for rehabilitation to strengthen Ari's work ability is identified."},"persona":{"fi":"Ari, kuvitteellinen esimerkkiasiakas, joka tarvitsee tukea työkykyynsä ja on työllisyyden kuntakokeilun asiakas","sv":"Ari, en påhittad exempelklient som behöver stöd för sin arbetsförmåga och är klient i kommunförsöket med sysselsättning","en":"Ari, a fictional example client who needs work-ability support and is a client of the municipal employment pilot"},"provenance":{"fi":"Työkyvyn tuen palvelukokonaisuutta kehittäneen alueellisen hankkeen palvelupolkukuvaukset (”Palvelupolkukuvausten taustaa”): työkykykoordinaattori-palvelupilotti. Osatoteuttajat Padasjoen kunta ja LAB-ammattikorkeakoulu; mukana mm. Hollolan työllisyyden kuntakokeilu, Kela, TE-palvelut, TulSoTe-hanke ja TYP.","sv":"Servicestigsbeskrivningarna från ett regionalt projekt som utvecklade servicehelheten för stöd för arbetsförmågan (”Bakgrunden till servicestigsbeskrivningarna”): pilotprojektet med samordnare för arbetsförmågan. Delgenomförare Padasjoki kommun och LAB-yrkeshögskolan; med bl.a. Hollola kommuns försök med sysselsättning, FPA, arbets- och näringstjänsterna, TulSoTe-projektet och TYP.","en":"The service path descriptions of a regional project that developed the work-ability support service package (\\"Background of the service path descriptions\\"): the work-ability coordinator service pilot. Co-implementers Padasjoki municipality and LAB University of Applied Sciences; partners included the Hollola municipal employment pilot, Kela, TE services, the TulSoTe project and TYP."},"source_language":"fi","status":"published","notes":{"fi":"Lähde kertoo polusta kolme asiaa: Ari ohjautuu kuntakokeilun kautta työkykykoordinaattorille, koordinaattori kokoaa moniammatillisen asiantuntijaryhmän palaverin, ja palaverissa todetaan kuntoutuksen tarve. Muut askeleet on pidetty yleisinä. Oletukset: koordinaattori tapaa Arin ja selvittää tilanteen ennen palaveria (lähteen kuvaama rooli: polun selkiyttäminen); asiantuntijaryhmän kokoaminen on ammattilaisten välinen askel; Ari osallistuu palaveriin; kuntoutukseen ohjaaminen kuvataan yleisenä askeleena, koska lähde ei nimeä kuntoutusmuotoa eikä järjestäjää (koordinaattorin rooliin kuuluu ohjaus oikeisiin palveluihin oikeaan aikaan); polun kuvaus päättyy, kun Ari on ohjattu kuntoutukseen. Idealamppu (koordinaattorin toiminta ja tehtävät) on askelissa, joissa työkykykoordinaattori toimii: tapaaminen, asiantuntijaryhmän kokoaminen, palaveri ja kuntoutukseen ohjaaminen. Suostumusta, kestoja ja kanavia lähde ei kerro. Työkykykoordinaattoripalvelu oli lähteen laatimishetkellä pilotti, jonka jatko ei ollut varma.","sv":"Källan säger tre saker om stigen: Ari hänvisas via kommunförsöket till samordnaren för arbetsförmågan, samordnaren sammankallar ett möte med en multiprofessionell expertgrupp, och på mötet konstateras behovet av rehabilitering. De övriga stegen har hållits allmänna. Antaganden: samordnaren träffar Ari och reder ut situationen före mötet (rollen som källan beskriver: att klargöra stigen); att samla expertgruppen är ett steg mellan yrkesutbildade; Ari deltar i mötet; hänvisningen till rehabilitering beskrivs som ett allmänt steg, eftersom källan inte nämner rehabiliteringsform eller anordnare (till samordnarens roll hör att vägleda till rätt tjänster i rätt tid); beskrivningen slutar när Ari har hänvisats till rehabilitering. Glödlampan (samordnarens åtgärder och uppgifter) finns på de steg där samordnaren agerar: mötet med Ari, att samla expertgruppen, expertgruppens möte och hänvisningen till rehabilitering. Källan säger inget om samtycke, tider eller kanaler. Tjänsten med samordnare för arbetsförmågan var ett pilotprojekt vars fortsättning inte var säker när källan skrevs.","en":"The source says three things about this path: Ari is referred through the municipal employment pilot to the work-ability coordinator, the coordinator convenes a multi-professional expert group meeting, and the meeting identifies the need for rehabilitation. The other steps are kept general. Assumptions: the coordinator meets Ari and clarifies the situation before the meeting (the role the source describes: clarifying the path); assembling the expert group happens between professionals; Ari takes part in the meeting; guidance to rehabilitation is a general step because the source names neither the kind of rehabilitation nor its provider (guiding the client to the right services at the right time is part of the coordinator's role); the description ends when Ari has been guided to rehabilitation. The light bulb (the coordinator's actions and tasks) is on the steps where the work-ability coordinator acts: meeting Ari, assembling the expert group, the expert group meeting and the guidance to rehabilitation. The source says nothing about consent, durations or channels. When the source was written the work-ability coordinator service was a pilot whose continuation was not certain."},"stages":[{"id":"referral","title":{"fi":"Ohjautuminen kuntakokeilun kautta","sv":"Hänvisning via kommunförsöket","en":"Referral through the employment pilot"},"description":{"fi":"","sv":"","en":""}},{"id":"coordinator","title":{"fi":"Työkykykoordinaattori","sv":"Samordnaren för arbetsförmågan","en":"The work-ability coordinator"},"description":{"fi":"","sv":"","en":""}},{"id":"expert-group","title":{"fi":"Moniammatillinen asiantuntijaryhmä","sv":"Den multiprofessionella expertgruppen","en":"The multi-professional expert group"},"description":{"fi":"","sv":"","en":""}},{"id":"rehabilitation","title":{"fi":"Kuntoutukseen","sv":"Till rehabilitering","en":"On to rehabilitation"},"description":{"fi":"","sv":"","en":""}}],"actors":[{"id":"client","name":{"fi":"Asiakas (Ari)","sv":"Klient (Ari)","en":"Client (Ari)"},"group":"client_side"},{"id":"employment-pilot","name":{"fi":"Työllisyyden kuntakokeilu","sv":"Kommunförsöket med sysselsättning","en":"Municipal employment pilot"},"group":"organisation"},{"id":"coordinator","name":{"fi":"Työkykykoordinaattori","sv":"Samordnare för arbetsförmågan","en":"Work-ability coordinator"},"group":"coordinator"},{"id":"expert-group","name":{"fi":"Moniammatillinen asiantuntijaryhmä","sv":"Multiprofessionell expertgrupp","en":"Multi-professional expert group"},"group":"professional"},{"id":"rehabilitation-services","name":{"fi":"Kuntoutuspalvelut","sv":"Rehabiliteringstjänster","en":"Rehabilitation services"},"group":"organisation"}],"contacts":[],"steps":[{"id":"referral-to-coordinator","stage":"referral","title":{"fi":"Ohjautuminen kuntakokeilun kautta työkykykoordinaattorille","sv":"Hänvisning via kommunförsöket till samordnaren för arbetsförmågan","en":"Referral through the employment pilot to the work-ability coordinator"},"description":{"fi":"Ari ohjautuu työllisyyden kuntakokeilun kautta työkykykoordinaattorille.","sv":"Ari hänvisas via kommunförsöket med sysselsättning till samordnaren för arbetsförmågan.","en":"Ari is referred through the municipal employment pilot to the work-ability coordinator."},"client_text":{"fi":"Kuntakokeilun työntekijä ohjaa sinut työkykykoordinaattorille.","sv":"En arbetstagare i kommunförsöket hänvisar dig till samordnaren för arbetsförmågan.","en":"A worker at the employment pilot sends you to the work-ability coordinator."},"actors":["employment-pilot","client","coordinator"],"kind":"contact","coordinator":false,"channels":[],"duration":{"fi":"","sv":"","en":""},"links":[],"contacts":[],"audience":"everyone"},{"id":"coordinator-meeting","stage":"coordinator","title":{"fi":"Työkykykoordinaattori selvittää tilanteen Arin kanssa","sv":"Samordnaren reder ut situationen med Ari","en":"The coordinator clarifies the situation with Ari"},"description":{"fi":"Työkykykoordinaattori selkiyttää asiakkaan polkua ja arvioi, keitä asiantuntijoita tilanteen edistämiseen tarvitaan. Lähde ei kuvaa tapaamista tarkemmin.","sv":"Samordnaren för arbetsförmågan klargör klientens stig och bedömer vilka experter som behövs för att föra situationen framåt. Källan beskriver inte mötet närmare.","en":"The work-ability coordinator clarifies the client's path and considers which experts are needed to move the situation forward. The source does not describe this meeting in more detail."},"client_text":{"fi":"Tapaat työkykykoordinaattorin. Kerrot tilanteestasi. Koordinaattori auttaa sinua eteenpäin.","sv":"Du träffar samordnaren för arbetsförmågan. Du berättar om din situation. Samordnaren hjälper dig vidare.","en":"You meet the work-ability coordinator. You tell them about your situation. The coordinator helps you move on."},"actors":["coordinator","client"],"kind":"meeting","coordinator":true,"channels":[],"duration":{"fi":"","sv":"","en":""},"links":[],"contacts":[],"audience":"everyone"},{"id":"assemble-expert-group","stage":"expert-group","title":{"fi":"Työkykykoordinaattori kokoaa moniammatillisen asiantuntijaryhmän","sv":"Samordnaren samlar en multiprofessionell expertgrupp","en":"The coordinator assembles a multi-professional expert group"},"description":{"fi":"Työkykykoordinaattori kokoaa ja koordinoi asiakkaan tilanteeseen tarvittavan moniammatillisen asiantuntijaverkoston. Verkoston kokoaminen ja sen merkitys on nostettu esille asiakkaan polulla.","sv":"Samordnaren för arbetsförmågan samlar och samordnar det multiprofessionella expertnätverk som klientens situation kräver. Att samla nätverket och dess betydelse lyfts fram på klientens stig.","en":"The work-ability coordinator assembles and coordinates the multi-professional expert network the client's situation needs. Assembling the network, and why it matters, is highlighted on the client's path."},"client_text":{"fi":"Työkykykoordinaattori kutsuu koolle ammattilaiset, joita tarvitset.","sv":"Samordnaren bjuder in de yrkesutbildade som du behöver.","en":"The coordinator invites the professionals you need."},"actors":["coordinator","expert-group"],"kind":"action","coordinator":true,"channels":[],"duration":{"fi":"","sv":"","en":""},"links":[],"contacts":[],"audience":"professionals"},{"id":"expert-group-meeting","stage":"expert-group","title":{"fi":"Moniammatillisen asiantuntijaryhmän palaveri","sv":"Möte med den multiprofessionella expertgruppen","en":"Multi-professional expert group meeting"},"description":{"fi":"Työkykykoordinaattorin kokoama asiantuntijaryhmä käsittelee asiakkaan tilannetta yhdessä. Ryhmän kokoonpanoa lähde ei kerro.","sv":"Expertgruppen som samordnaren samlat behandlar klientens situation tillsammans. Källan anger inte gruppens sammansättning.","en":"The expert group assembled by the work-ability coordinator discusses the client's situation together. The source does not say who is in the group."},"client_text":{"fi":"Tapaat ammattilaiset yhdessä. Mietitte, mikä auttaisi sinua.","sv":"Du träffar de yrkesutbildade tillsammans. Ni funderar på vad som kan hjälpa dig.","en":"You meet the professionals all together. You think together about what would help you."},"actors":["coordinator","client","expert-group"],"kind":"network_meeting","coordinator":true,"channels":[],"duration":{"fi":"","sv":"","en":""},"links":[],"contacts":[],"audience":"everyone"},{"id":"rehabilitation-need","stage":"expert-group","title":{"fi":"Todetaan kuntoutuksen tarve","sv":"Behovet av rehabilitering konstateras","en":"The need for rehabilitation is identified"},"description":{"fi":"Palaverissa todetaan kuntoutuksen tarve työkyvyn vahvistamiseksi.","sv":"På mötet konstateras behovet av rehabilitering för att stärka arbetsförmågan.","en":"The meeting identifies the need for rehabilitation to strengthen work ability."},"client_text":{"fi":"Palaverissa todetaan, että kuntoutus voi vahvistaa työkykyäsi.","sv":"På mötet konstateras att rehabilitering kan stärka din arbetsförmåga.","en":"The meeting finds that rehabilitation can make your work ability stronger."},"actors":["expert-group","client"],"kind":"action","coordinator":false,"channels":[],"duration":{"fi":"","sv":"","en":""},"links":[],"contacts":[],"audience":"everyone"},{"id":"guidance-to-rehabilitation","stage":"rehabilitation","title":{"fi":"Ohjaus kuntoutukseen","sv":"Vägledning till rehabilitering","en":"Guidance to rehabilitation"},"description":{"fi":"Työkykykoordinaattori ohjaa asiakasta oikeisiin palveluihin oikeaan aikaan. Kuntoutusmuotoa ja sen järjestäjää lähde ei nimeä, joten askel on kuvattu yleisenä.","sv":"Samordnaren för arbetsförmågan vägleder klienten till rätt tjänster i rätt tid. Källan nämner inte rehabiliteringsform eller anordnare, så steget är beskrivet i allmänna drag.","en":"The work-ability coordinator guides the client to the right services at the right time. The source names neither the kind of rehabilitation nor its provider, so the step is kept general."},"client_text":{"fi":"Työkykykoordinaattori auttaa sinua pääsemään kuntoutukseen.","sv":"Samordnaren hjälper dig att komma till rehabilitering.","en":"The coordinator helps you get to rehabilitation."},"actors":["coordinator","client","rehabilitation-services"],"kind":"action","coordinator":true,"channels":[],"duration":{"fi":"","sv":"","en":""},"links":[],"contacts":[],"audience":"everyone"},{"id":"end","stage":"rehabilitation","title":{"fi":"Ari jatkaa kuntoutukseen","sv":"Ari går vidare till rehabilitering","en":"Ari goes on to rehabilitation"},"description":{"fi":"Polun kuvaus päättyy tähän. Lähde ei kuvaa kuntoutuksen kulkua.","sv":"Beskrivningen av stigen slutar här. Källan beskriver inte hur rehabiliteringen går till.","en":"The path description ends here. The source does not describe the rehabilitation itself."},"client_text":{"fi":"Jatkat kuntoutukseen. Tämä polku päättyy tähän.","sv":"Du går vidare till rehabilitering. Den här stigen slutar här.","en":"You go on to rehabilitation. This path ends here."},"actors":["client","rehabilitation-services"],"kind":"end","coordinator":false,"channels":[],"duration":{"fi":"","sv":"","en":""},"links":[],"contacts":[],"audience":"everyone"}],"transitions":[{"source":"referral-to-coordinator","target":"coordinator-meeting","condition":{"fi":"","sv":"","en":""}},{"source":"coordinator-meeting","target":"assemble-expert-group","condition":{"fi":"","sv":"","en":""}},{"source":"assemble-expert-group","target":"expert-group-meeting","condition":{"fi":"","sv":"","en":""}},{"source":"expert-group-meeting","target":"rehabilitation-need","condition":{"fi":"","sv":"","en":""}},{"source":"rehabilitation-need","target":"guidance-to-rehabilitation","condition":{"fi":"","sv":"","en":""}},{"source":"guidance-to-rehabilitation","target":"end","condition":{"fi":"","sv":"","en":""}}],"views":{}}	2	$argon2id$v=19$m=65536,t=3,p=4$SH+vt5R+g6VGGVmNwUfxYQ$bIlHkaFBKaTT9DWVkS5pyGgCX8+djcl/OYuwEPai/wI	2026-12-01 09:03:26.777337	2026-12-01 09:03:26.790788	\N
\.


--
-- Data for Name: personal_shares; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.personal_shares (personal_id, name) FROM stdin;
\.


--
-- Data for Name: personal_versions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.personal_versions (personal_id, version, author, created_at, fill_json) FROM stdin;
8a27be59730843fcbe534e4cae961352	1	Fasilitaattori Testi	2026-12-01 09:03:26.777337	{"entries":{},"goals":"","contacts":[],"next_appointment":"","branches":{}}
8a27be59730843fcbe534e4cae961352	2	Esimerkki Asiakas	2026-12-01 09:03:26.790788	{"entries":{"referral-to-coordinator":{"status":"done","date":null,"note":"Muistiinpano","met":""}},"goals":"Tavoite: työkyky","contacts":[],"next_appointment":"","branches":{}}
\.


--
-- Data for Name: sign_in_failures; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sign_in_failures (name_key, failures, last_failure_at, locked_until) FROM stdin;
\.


--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.users (id, name, name_key, password_hash, created_at) FROM stdin;
1	Fasilitaattori Testi	fasilitaattori testi	$argon2id$v=19$m=65536,t=3,p=4$BLPnLyxwJ7Rarp6jQ/kiMA$6DtxfjOOGtfS6U2UBs4DcNpOndVofpRHUsenTBMGiV0	2026-12-01 09:03:26.619614+00
\.


--
-- Data for Name: votes; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.votes (id, workshop_id, note_id, step_id, participant_hash, created_at) FROM stdin;
\.


--
-- Data for Name: workshops; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.workshops (id, path_id, path_version, code, audience, votes_per_participant, opened_by, opened_at, closed_at) FROM stdin;
1	ari	2	QTLKM6	client	5	Fasilitaattori Testi	2026-12-01 09:03:26.622905+00	\N
\.


--
-- Name: notes_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.notes_id_seq', 1, true);


--
-- Name: personal_links_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.personal_links_id_seq', 1, true);


--
-- Name: users_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.users_id_seq', 1, true);


--
-- Name: votes_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.votes_id_seq', 1, false);


--
-- Name: workshops_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.workshops_id_seq', 1, true);


--
-- Name: alembic_version_personal alembic_version_personal_pkc; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alembic_version_personal
    ADD CONSTRAINT alembic_version_personal_pkc PRIMARY KEY (version_num);


--
-- Name: alembic_version alembic_version_pkc; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alembic_version
    ADD CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num);


--
-- Name: notes notes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_pkey PRIMARY KEY (id);


--
-- Name: path_versions path_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.path_versions
    ADD CONSTRAINT path_versions_pkey PRIMARY KEY (path_id, version);


--
-- Name: paths paths_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.paths
    ADD CONSTRAINT paths_pkey PRIMARY KEY (id);


--
-- Name: personal_links personal_links_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personal_links
    ADD CONSTRAINT personal_links_pkey PRIMARY KEY (id);


--
-- Name: personal_links personal_links_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personal_links
    ADD CONSTRAINT personal_links_token_hash_key UNIQUE (token_hash);


--
-- Name: personal_paths personal_paths_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personal_paths
    ADD CONSTRAINT personal_paths_pkey PRIMARY KEY (id);


--
-- Name: personal_shares personal_shares_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personal_shares
    ADD CONSTRAINT personal_shares_pkey PRIMARY KEY (personal_id, name);


--
-- Name: personal_versions personal_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personal_versions
    ADD CONSTRAINT personal_versions_pkey PRIMARY KEY (personal_id, version);


--
-- Name: sign_in_failures sign_in_failures_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sign_in_failures
    ADD CONSTRAINT sign_in_failures_pkey PRIMARY KEY (name_key);


--
-- Name: users users_name_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_name_key_key UNIQUE (name_key);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: votes votes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.votes
    ADD CONSTRAINT votes_pkey PRIMARY KEY (id);


--
-- Name: workshops workshops_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.workshops
    ADD CONSTRAINT workshops_pkey PRIMARY KEY (id);


--
-- Name: ix_notes_path_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_notes_path_id ON public.notes USING btree (path_id);


--
-- Name: ix_notes_workshop_participant; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_notes_workshop_participant ON public.notes USING btree (workshop_id, participant_hash);


--
-- Name: ix_personal_links_personal_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_personal_links_personal_id ON public.personal_links USING btree (personal_id);


--
-- Name: ix_personal_paths_owner; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_personal_paths_owner ON public.personal_paths USING btree (owner);


--
-- Name: ix_votes_note; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_votes_note ON public.votes USING btree (note_id);


--
-- Name: ix_votes_workshop_participant; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_votes_workshop_participant ON public.votes USING btree (workshop_id, participant_hash);


--
-- Name: ix_workshops_path_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_workshops_path_id ON public.workshops USING btree (path_id);


--
-- Name: uq_workshops_open_code; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_workshops_open_code ON public.workshops USING btree (code) WHERE (closed_at IS NULL);


--
-- Name: notes notes_workshop_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notes
    ADD CONSTRAINT notes_workshop_id_fkey FOREIGN KEY (workshop_id) REFERENCES public.workshops(id);


--
-- Name: path_versions path_versions_path_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.path_versions
    ADD CONSTRAINT path_versions_path_id_fkey FOREIGN KEY (path_id) REFERENCES public.paths(id);


--
-- Name: personal_links personal_links_personal_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personal_links
    ADD CONSTRAINT personal_links_personal_id_fkey FOREIGN KEY (personal_id) REFERENCES public.personal_paths(id) ON DELETE CASCADE;


--
-- Name: personal_shares personal_shares_personal_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personal_shares
    ADD CONSTRAINT personal_shares_personal_id_fkey FOREIGN KEY (personal_id) REFERENCES public.personal_paths(id) ON DELETE CASCADE;


--
-- Name: personal_versions personal_versions_personal_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.personal_versions
    ADD CONSTRAINT personal_versions_personal_id_fkey FOREIGN KEY (personal_id) REFERENCES public.personal_paths(id) ON DELETE CASCADE;


--
-- Name: votes votes_note_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.votes
    ADD CONSTRAINT votes_note_id_fkey FOREIGN KEY (note_id) REFERENCES public.notes(id);


--
-- Name: votes votes_workshop_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.votes
    ADD CONSTRAINT votes_workshop_id_fkey FOREIGN KEY (workshop_id) REFERENCES public.workshops(id);


--
-- Name: workshops workshops_path_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.workshops
    ADD CONSTRAINT workshops_path_id_fkey FOREIGN KEY (path_id) REFERENCES public.paths(id);


--
-- PostgreSQL database dump complete
--

\unrestrict 3pkb2aAnW73fK481949bnaMD0cQEMxEPevUk9sCDSHc8MAo5VcaGoWaJ5PPecie

