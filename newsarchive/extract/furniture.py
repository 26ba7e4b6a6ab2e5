"""Page furniture told from its wording: the phrases of menus, sign-up boxes, share bars,
cookie notices, "related" lists and copyright footers, in English, German, French,
Spanish, Italian, Portuguese and Dutch.

A phrase only condemns a short line: "share" in a 40-word paragraph is prose, "Share this"
on its own is a button. Some lines are furniture whatever their length (a copyright
notice, "All rights reserved").
"""

from __future__ import annotations

import re
from functools import lru_cache

# A link past the menus, for readers of screens and keyboards, in the languages read: a
# whole line ("Skip to main content", "Direkt zum Inhalt", "Aller au contenu principal").
SKIP_LINK = (
    r"^\W*(?:(?:skip|jump)\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|menu|article|search|footer)"
    r"|(?:direkt\s+)?zu[mr]\s+(?:haupt)?(?:inhalt|navigation)(?:\s+(?:springen|wechseln))?|(?:inhalt|navigation)\s+überspringen"
    r"|(?:aller|passer)\s+(?:au|à\s+la)\s+(?:contenu|menu|navigation)(?:\s+principal)?"
    r"|(?:ir|saltar|pasar)\s+al\s+contenido(?:\s+principal)?|(?:vai|salta|passa)\s+al\s+contenuto(?:\s+principale)?"
    r"|(?:ir|saltar|pular)\s+para\s+o\s+conteúdo(?:\s+principal)?"
    r"|(?:ga\s+|spring\s+|direct\s+)?naar\s+(?:de\s+)?(?:hoofd)?(?:inhoud|navigatie))\W*$"
)
SKIP_LINK_LINE = re.compile(SKIP_LINK, re.I)

# Phrases that make a short line furniture. Matched case-insensitively on word boundaries.
_SHORT_LINE_PHRASES = r"""
comments are (now )?closed | jump to comments
| sign ?up | sign ?in | log ?in | log ?out | register | subscribe | subscription | newsletters? | unsubscribe
| share | shares | tweet | retweet | facebook | twitter | linkedin | pinterest | whatsapp | reddit | google\+ | instagram
| youtube
| e-?mail (this|to a friend|article|story) | print( this| article| story| page)? | permalink
| envoyer (cet article|par e-?mail|par mail|à un ami) | partager cet article | (per )?e-?mail (versenden|senden)
| artikel (versenden|teilen) | enviar (por (e-?mail|correo)|a un amigo|esta noticia) | compartir (esta noticia|este artículo)
| invia (per e-?mail|ad un amico|questo articolo) | enviar por e-?mail | envie (por e-?mail|a um amigo) | e-?mail dit artikel
| advertisement | advertising | advertise | sponsored | promoted | ad choices | adchoices
| related (articles?|stories|content|links|news|topics|videos?|coverage|posts?)?
| more (from|on|in|stories|news|headlines|about|like this|articles|videos|top stories)
| read (more|next|full|the full|also|this next) | see (also|more|all) | continue reading | click here | learn more | find out more
| most (popular|read|viewed|shared|emailed|commented|recent) | popular | trending | top stories
| latest (news|stories|headlines)? | get the latest | recommended
| \d+ (secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?) ago | hace \d+ (minutos?|horas?|días?)
| il y a \d+ (minutes?|heures?|jours?) | vor \d+ (minuten|stunden|tagen) | \d+ (minuti|ore|giorni) fa
| há \d+ (minutos?|horas?|dias?) | \d+ (minuten|uur|dagen) geleden | editor'?s picks
| you (may|might) (also )?like | don'?t miss | in case you missed | also on | around the web | from the web | promoted stories
| comments? | leave a (comment|reply) | post a comment | add (a )?comment | reply | report abuse | \d+ comments?
| join the (conversation|discussion)
| cookies? | privacy( policy| notice)? | terms (of|and) (use|service|conditions) | terms & conditions | accessibility
| site ?map | contact us | about us
| skip to | jump to | back to top | go to | return to | home ?page | home | menu | menü | navigation | search | previous | next
| prev | page \d+
| follow (us|me|him|her|on) | like us | connect with | get the app | download the app | rss
| all rights reserved | copyright | \(c\) | © | terms | faq | help | careers | jobs | media kit | corrections
| photos? | videos? | gallery | slideshows? | watch | listen | podcasts?
| tags? | topics | filed under | categories | category | archives? | select month | select category | blogroll
| keywords | mots-clés | schlagw(ö|o)rte(r)? | stichw(ö|o)rter | palabras clave | etiquetas | parole chiave
| palavras-chave | trefwoorden
| (share|partager|compartir|compartilhar|compartilhe|teilen|condividi|delen|tweet|pin it) (on|sur|en|no|na|auf|su|op|via|to|this|it) \w+
| post (on|to) (facebook|twitter|linkedin|tumblr|reddit|pinterest|google\+?)
| play (\w+ ){0,3}(video|audio|clip)
| story continues below | continue reading below | article continues below | scroll to continue | click to enlarge
| tap to enlarge
| image \d+ of \d+ | photo \d+ of \d+ | \d+ of \d+ photos | next slide | previous slide | ad feedback | paid content | paid post
| recommended for you | get our newsletter | support (our|independent) journalism | opens in (a )?new (window|tab)
| this content is not available
| listen to this (article|story) | audio version | play video | watch video | view gallery | enlarge this image | toggle caption
| reading time | \d+ min(ute)?s? read | was this (article|page|information) helpful | lesen sie (auch|mehr) | lesezeit
| leestijd | temps de lecture | tiempo de lectura | tempo di lettura | tempo de leitura | accept( and close| all)?
| akzeptieren | accepter | aceptar | accetta
| loading | javascript | enable javascript | flash player | adobe flash | widgets?
| will not be published | \(required\) | required fields | recent (posts|blog posts|comments|articles|entries|stories)
| anmelden | abmelden | einloggen | registrieren | abonnieren | abonnement | teilen | drucken | versenden | anzeige | werbung
| mehr zum thema | weiter ?lesen | mehr lesen | weitere artikel | datenschutz | impressum | alle rechte vorbehalten | kommentare?
| startseite | zur startseite | meistgelesen
| s'abonner | abonnez-vous | se connecter | connexion | inscription | partager | imprimer | publicité | lire aussi
| à lire aussi | lire la suite | en savoir plus
| tous droits réservés | mentions légales | commentaires? | accueil | les plus lus | newsletter
| suscríbete | suscribirse | iniciar sesión | registrarse | compartir | imprimir | publicidad | leer más | lee también
| noticias relacionadas | relacionad[oa]s
| todos los derechos reservados | aviso legal | comentarios? | portada | lo más leído | inicio
| iscriviti | abbonati | accedi | registrati | condividi | stampa | pubblicità | leggi anche | leggi tutto
| tutti i diritti riservati | commenti | più letti
| assine | assinar | entrar | cadastre-se | compartilhe | compartilhar | partilhar | publicidade | leia também | leia mais
| saiba mais | todos os direitos reservados
| comentários | mais lidas
| más noticias | más información | potrebbe interessarti | ti potrebbe interessare | schrijf je in | nieuwsbrief
| mais notícias | veja também
| plus d'actualités | plus d'infos | à la une | weitere nachrichten | einstellungen | manage settings | settings
| preferences | paramétrer | akkoord | instellingen | informativa
| to your inbox | in your inbox | in je mailbox | support us | unlimited access | lee sin límites
| gift (this )?(article|story) | liked this (post|article|story)\? | bookmark and share | preview image
| this article is more than \w+ (years?|months?) old
| show key events( only)? | save (this )?article | save for later | copy (the )?link | link copied | was this helpful
| report an error
| suggest a correction | reuse this content
| artikel anhören | vorlesen | (é|e)couter (cet |l'|l’)article | escuchar (el )?(artículo|noticia) | ascolta (l'|l’)?articolo
| ouvir (a )?(notícia|matéria|artigo)
| luister naar dit artikel | link kopieren | copier le lien | copiar (el |o )?(enlace|link) | copia (il )?link
| kopieer (de )?link
| artikel merken | zur merkliste | merken | sauvegarder | guardar | salva | salvar | bewaren | réagir | jetzt kommentieren
| das könnte sie auch interessieren | zum thema | archivado en | receba as notícias | deel dit artikel | tip de redactie
| seguir leyendo | sigue leyendo | continua a leggere | leggi l'articolo completo | continue lendo | continuar lendo | lees verder
| contenido patrocinado | contenuto sponsorizzato | conteúdo patrocinado | contenu sponsorisé | sponsorisé | gesponsert
| gesponsord
| tópicos | temas | argomenti | themen | sujets | give this article | subscribers only | view all | send (this )?to a friend
| send (me|us) (your )?tips | become a fan
| view (the )?(full )?(gallery|caption|discussion thread|thread|comments|size|image)
| do you like this (post|story|article) | ^get (\w+ ){0,3}updates (on|by|via) | bookmark (to|this)
| aanmelden | inloggen | abonneer | abonnement | delen | advertentie | lees ook | lees meer | meer over
| alle rechten voorbehouden | reacties | voorpagina | meest gelezen
"""


def _top_level_alternatives(pattern: str) -> list[str]:
    """The alternatives of a pattern, split on the bars outside any group."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(pattern):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
    parts.append(pattern[start:])
    return [part.strip() for part in parts if part.strip()]


# (Split on the bars outside groups only: a space inside "(cet |l')" is part of the phrase.)
_ALTERNATIVES = "|".join(_top_level_alternatives(_SHORT_LINE_PHRASES))
SHORT_LINE = re.compile(r"(?<!\w)(?:" + _ALTERNATIVES + r")(?!\w)", re.I)
# A line is "short" for the phrase test up to this many words.
SHORT_WORDS = 14
# Ordinary words that are furniture only on a line of at most WEAK_MAX_WORDS words.
WEAK = frozenset(
    """next previous prev help home search menu photo photos video videos watch listen tag tags topics jobs careers
    terms comment comments reply popular print gallery archive archives category categories faq podcast podcasts
    loading register share shares recommended trending cookie cookies privacy accessibility sponsored promoted
    inicio portada accueil startseite stampa drucken imprimer imprimir delen teilen partager compartir condividi
    facebook twitter youtube instagram linkedin pinterest reddit whatsapp tweet feeds rss slideshow slideshows
    homepage merken sauvegarder guardar salva salvar bewaren réagir tópicos temas argomenti themen sujets""".split()
) | {"return to", "go to", "jump to", "home page"}
WEAK_MAX_WORDS = 2
# The phrases that cannot match a lone weak word, tried where a weak word opens a longer
# line: "Share on Facebook" must not be let off because "Share" alone is weak.
_STRONG = "|".join(
    p for p in _top_level_alternatives(_SHORT_LINE_PHRASES) if not any(re.fullmatch(p, w, re.I) for w in WEAK)
)
STRONG_LINE = re.compile(r"(?:" + _STRONG + r")(?!\w)", re.I)

# Furniture whatever the length of the line.
ALWAYS = re.compile(
    r"""^\s*(?:©|\(c\)\s*\d{4}|copyright\b)
    | all\ rights\ reserved | alle\ rechte\ vorbehalten | tous\ droits\ réservés
    | todos\ (?:los|os)\ direitos\ reservados | todos\ los\ derechos\ reservados | tutti\ i\ diritti\ riservati
    | alle\ rechten\ voorbehouden | riproduzione\ riservata
    | \bwe\ use\ cookies | wir\ verwenden\ cookies | nous\ utilisons\ (?:des\ )?cookies | (?:utilizamos|usamos)\ cookies
    | utilizziamo\ (?:i\ )?cookie | wij\ gebruiken\ cookies | ce\ site\ utilise | este\ (?:sitio|site)\ (?:web\ )?(?:utiliza|usa)
    | questo\ sito\ utilizza | deze\ (?:web)?site\ gebruikt | diese\ (?:web)?seite\ verwendet | \buses\ cookies | \bthis\ (?:web)?site\ uses | by\ continuing\ to\ (?:use|browse)
    | \byour\ browser\ (?:does\ not|doesn'?t)\ support | \benable\ javascript | \brequires\ (?:javascript|flash|adobe)
    | \b(?:javascript|flash(?:\ player)?)\ (?:must|needs\ to|has\ to)\ be\ (?:enabled|installed|turned\ on)
    # A news agency's caption, however long: "In a Monday, Oct. 3, 2011 photo, Juan Gonzalez sorts ...",
    # after its credit too: "Jane Roe, File - FILE - In this March 2, 2011 file photo, ..."
    | ^(?:.{0,40}?\bfile\ [-–—]\ )?\W*in\ (?:this|a)\ .{0,40}?\b(?:19|20)\d\d,?\ (?:file\ )?photo(?:graph)?s?\b
    # A caption closed by its picture's credit, however long: "... about his contacts.(Photo: Jane Roe, AP)"
    | \((?:photo|photograph|picture|image|foto|bild|illustration)s?\s*(?:credit)?\s*:\s*[^()]{2,60}\)\W*$
    # ... "(Photo by Jane Roe/Getty Images)", or a wire photo's "... Mandatory Credit: Jane Roe-USA
    # TODAY Sports" (a picture's alt text may hold its whole caption, credit and all)
    | \((?:photo|photograph|picture|image|foto)s?\ by\ [^()]{2,60}\)\W*$
    # ... or Getty's "(Photo credit should read JANE ROE/AFP/Getty Images)"
    | \(photo\ credit\ should\ read\ [^()]{2,80}\)\W*$
    | (?:\bmandatory\ |(?<=[.!?)]\ ))(?:photo\ )?credit\s*:\s*[^.!?:]{2,60}$
    # ... or by its photographer and agency after its last sentence, with no brackets: "... in
    # Tunis. Jane Roe/AFP/Getty Images". (A photo post's captions carry their credit in brackets.)
    | (?<=[.!?]\ )(?-i:[A-Z])[\w.'’-]+(?:\ (?-i:[A-Z])[\w.'’-]+){1,3}\ ?/\ ?(?:afp|ap|reuters|epa|getty\ images|bloomberg|anadolu|sipa|zuma)
      (?:\ ?/\ ?(?:getty\ images|shutterstock|sipa|zuma))?\W*$
    """,
    re.I | re.X,
)
# Calls to action and small print: furniture in a box of their own, but words an article may
# use too ("The family asks people to please consider donating to the hospice", "phishing
# mails that ask you to enter your email"). So they mark a block as furniture only up to
# BOX_WORDS words, the size of a box's text; a cookie or copyright notice (above) at any size.
BOX_WORDS = 40
BOX_TEXT = re.compile(
    r"""\bsign\ up\ for\ (?:our|the|free|\w+'s) | \bsubscribe\ to\ (?:our|the) | \bfollow\ us\ on
    | \bclick\ here\ to | \bshare\ this\ (?:article|story|page) | \bback\ to\ top\b
    | \bthis\ article\ is\ from\ the\ .{0,40}archive
    | \bposted\ in\b.{0,80}\|
    # A paywall's meter and its offer: "You have read 3 of your 5 free articles this month."
    | \bfree\ (?:articles?|stories)\ (?:left|remaining)\b | \bof\ your\ (?:\d+|\w+)\ free\ (?:articles|stories)\b
    | \byou(?:'ve|\ have)\ (?:\d+|one|two|three|no)\ free\ (?:articles?|stories)\b | \bunlimited\ (?:digital\ )?access\ (?:from|for)\b
    | \bcet\ article\ vous\ est\ offert | \bréservé\ aux\ abonnés | \babonnez-vous\ (?:dès|à\ partir)
    | \bnur\ für\ abonnenten | \bexklusiv\ für\ abonnenten | \bexclusivo\ para\ (?:suscriptores|assinantes)
    | \briservato\ agli\ abbonati | \balleen\ voor\ abonnees | \bgratis\ artikelen
    # A shop-link disclosure: "If you buy something from our links, we may earn a commission."
    | \bwe\ (?:may\ )?(?:earn|receive|get)\ (?:a\ )?(?:small\ )?(?:affiliate\ )?commission | \bwhen\ you\ buy\ through\ (?:our\ )?links
    | \berhalten\ wir\ (?:eine\ )?provision | \bnous\ (?:percevons|touchons)\ une\ commission
    | \b(?:podemos\ )?(?:recibir|recibimos|receber|recebemos)\ una?\ comis(?:ión|são) | \bpotremmo\ ricevere\ una\ commissione
    | \bontvangen\ (?:wij|we)\ (?:mogelijk\ )?een\ commissie
    # The print-edition note under a magazine piece ("This article appeared in the print edition ...").
    | ^\W*(?:this|a\ version\ of\ this|cet|este|questo|dit|dieser)\ (?:article|story|artículo|articolo|artigo|artikel)\b
      .{0,80}(?:print\ edition|\bin\ print\b|édition\ (?:papier|imprimée)|edici[oó]n\ impresa|edizione\ cartacea|edição\ impressa
      |gedruckten\ ausgabe|print-?ausgabe|papieren\ krant)
    # ... and a business paper's: "Appeared in the March 5, 2024, print edition as '...'", with its
    # contact line "Write to Jane Roe at jane.roe@example.com".
    | ^\W*appeared\ in\ the\ .{0,60}print\ edition | ^\W*write\ to\ (?-i:[A-Z]).{0,60}\ at\ \S+@
    # A health site's disclaimer: "... is for information only and should not replace ... medical advice".
    | \bfor\ (?:general\ )?information(?:al)?\ (?:purposes\ )?only\b | \bdoes\ not\ provide\ medical\ advice
    | \bnot\ (?:a\ substitute|intended\ to\ replace)\ (?:for\ )?(?:professional\ )?medical\ advice
    # A newsletter box's small print and an app's advertisement.
    | \bwe(?:'ll|\ will)\ (?:only\ )?use\ your\ e-?mail | \bby\ (?:submitting|entering|signing\ up\ with)\ your\ e-?mail
    | \benter\ your\ (?:friend'?s\ )?e-?mail | ^\W*download\ (?:the|our)\ (?:[\w'’]+\ ){0,4}app\b
    # A comment form's options and a feed's links: "Notify me of follow-up comments via e-mail",
    # "RSS feed for comments on this post. TrackBack URI"; a licence line for a post's photos.
    | \bnotify\ me\ of\ (?:follow-?\ ?up\ comments|new\ (?:posts|comments)) | \bfeed\ for\ comments\ on\ this
    | \btrackback\ ur[il]\b | \blicensed\ under\ a\ creative\ commons
    # A news agency's photo caption: "FILE - In this 2012 file photo, ...", "... (AP Photo/Jane Roe)".
    | ^\W*file\ (?:-|–|—)\ (?:in\ )?this\b | \((?:ap|afp|reuters|epa)\ photos?\s*[/,]\s*[^)]{0,60}\)\s*$
    | \((?:the\ associated\ press|associated\ press|ap|afp|reuters|epa|getty\ images)\)\s*$
    # A reader-funding appeal and a tip-off line: "Our journalism costs money ... please consider supporting us".
    | \bplease\ consider\ (?:supporting|subscribing|donating|making\ a\ (?:contribution|donation)|a\ contribution)
    | \bsupport\ (?:our|independent|local|quality)\ journalism | \bour\ journalism\ costs\ money
    | \bunterstützen\ sie\ (?:unseren|unabhängigen)\ journalismus | \bsoutenez\ (?:notre\ )?(?:le\ )?journalisme
    | \bapoya\ (?:el|nuestro)\ periodismo | \bsostieni\ (?:il\ )?(?:nostro\ )?giornalismo | \bsteun\ (?:onze\ )?journalistiek
    | ^\W*(?:got|have\ you\ got|do\ you\ have)\ a\ (?:story|news\ tip)\b | \b(?:email|contact|tip)\ (?:our|the)\ news\ ?desk
    # A blog's links to the posts on either side, and its tag list: "« Previous Post ... Next Post »", "Tags: a, b".
    | «\s*previous\ (?:post|article|entry) | \bnext\ (?:post|article|entry)\s*»
    | ^\W*(?:tags|tagged|categories|filed\ under|schlagwörter|kategorien|étiquettes|catégories|etiquetas|categorías
      |categorie|categorias|categorieën)\s*:
    | \bbe\ the\ first\ to\ (?:like|comment|review)\b | ^\W*follow\ @\w
    # Where the piece first ran: "This article was published on example.com at ...", "This post originally appeared on ...".
    | ^\W*this\ (?:article|story|post)\ (?:was\ )?(?:originally\ |first\ )?(?:published|appeared)\ (?:on|in|at)\b
    # A plug-in's apology: "This story contains media that requires your computer to have Adobe Flash".
    | \brequires?\ your\ (?:computer|browser|device)\ to\ have | \bdownload\ the\ latest\ version\ of\ (?:adobe\ )?flash
    | \bconsider\ (?:a|making\ a)\ (?:donation|contribution)\b | \benter\ your\ (?:zip|postal|post)\ ?code
    # A wire story's tail: "Reporting by Jane Roe in Oslo; Editing by John Doe".
    | ^\W*(?:additional\ )?(?:reporting|writing)\ by\ (?-i:[A-Z]) | ;\ *(?:editing|edited)\ by\ (?-i:[A-Z])
    """,
    re.I | re.X,
)
# A reprint or licence notice printed with the article ("This copy is for your personal,
# non-commercial use only. Distribution ... governed by copyright law."): prose, but not
# the article's. (It stands beside the article, so it still tells where the article is.)
# So is other prose printed beside the article and about it: an opinion page's disclaimer
# ("The opinions expressed in this commentary are solely those of ..."), a blog's post footer
# ("This entry was posted in X. Bookmark the permalink."), where it first ran ("Originally
# published at example.com on May 3, 2011."), its note on following the replies
# ("You can follow any responses to this entry ...", "Listed below are links to weblogs that
# reference ...") and its plea to share ("If you liked this article, please ..."). As furniture
# they would weigh against the article they close, and a short article would lose its run.
NOTICE = re.compile(
    r"""\bfor\ (?:your\ )?personal,?\ non-?commercial\ use\ only\b
    | \b(?:opinions|views)\ expressed\ (?:in\ this|here\b|are\ (?:solely\ )?those) | \blas\ opiniones\ expresadas
    | \bles\ opinions\ exprimées | \ble\ opinioni\ espresse | \bas\ opiniões\ expressas
    | \bbookmark\ the\ permalink\b | ^\W*this\ entry\ was\ posted\b | \|\s*permalink\b
    | \bresponses\ to\ this\ entry\b | \btrackback\ from\ your\ own\ site | \blinks\ to\ weblogs\ that\ reference
    | ^\W*if\ you\ (?:liked|enjoyed|found)\ this\ (?:post|article|story|page)\b | \bif\ you'?re\ new\ here\b
    | ^\W*(?:originally|first)\ (?:published|posted|appeared)\ (?:on|in|at)\ (?!\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\ \d)
    | ^\W*about\ the\ author\s*:""",
    re.I | re.X,
)


# The author's bio box after the article: "Jane Roe is a contributing writer at The Review."
# (Name, "is a ... writer", then where: a paragraph that merely names a reporter lacks the
# "at/for ..." or is longer than a bio.) Like a notice it is prose that stands by the article.
_ROLES = r"""writer|reporter|journalist|correspondent|columnist|editor|contributor|critic|redakteur(?:in)?|journalist(?:in)?
    |korrespondent(?:in)?|autor(?:in)?|journaliste|rédact(?:eur|rice)|correspondant(?:e)?|periodista|redactor(?:a)?|corresponsal
    |giornalista|redattore|redattrice|corrispondente|jornalista|repórter|correspondente|verslaggever|redacteur"""
BIO = re.compile(
    r"""^(?!(?:The|A|An|Der|Die|Das|Le|La|Les|El|Los|Las|Il|Lo|Gli|O|Os|As|De|Het|Een)\b)
    [A-Z][\w'’.-]+(?:\ (?:van|von|de|da|di|del|du|le|la|[A-Z][\w'’.-]+)){1,3}(?:\ \(@\w+\))?
    \ (?:is|ist|est|es|è|é)\ [^.]{0,80}?\b(?i:"""
    + _ROLES
    + r""")s?\ (?:at|for|with|of|bei|für|à|au|pour|en|para|de|del|per|di|a|na|no|bij|voor)\ (?:the\ |der\ |die\ |le\ |la\ |el\ |il\ |o\ |a\ |de\ |het\ )?[A-Z]""",
    re.X,
)
BIO_WORDS = 60


def is_notice(text: str) -> bool:
    """A reprint or licence notice (see NOTICE), or the author's bio (see BIO)."""
    return bool(NOTICE.search(text)) or (len(text.split()) <= BIO_WORDS and bool(BIO.match(text)))


# "Read more: Other headline", "Related: ..." - a link to another page, up to
# POINTER_WORDS words (a longer paragraph opening "RELATED:" is the author's aside).
POINTER = re.compile(
    r"""^\W*(?:read\ (?:more|also|next)|see\ also|related|lesen\ sie\ (?:auch|mehr)|mehr\ zum\ thema|lire\ aussi|à\ lire\ aussi|voir\ aussi
      |lee\ también|leer\ más|ver\ también|leggi\ anche|vedi\ anche|leia\ também|leia\ mais|veja\ também|lees\ ook|lees\ meer|zie\ ook)\s*[:›»>]""",
    re.I | re.X,
)
POINTER_WORDS = 25
# Photo and image credits, and captions that carry one.
CREDIT = re.compile(
    # "Photo: Jane Roe/Reuters", "Photograph: Ann Lee for the Tribune"; not a gallery's
    # headline, which runs on longer: "Photos: Halloween in the harbour lights up the town".
    r"""^\s*[\[(]?(?:photo|photograph|picture|image|foto|bild|illustration|graphic|credit|source|fuente|quelle|bron|fonte)s?\s*(?:credit)?\s*[:/]
      (?!(?:\s+\S+){6})
    | ^\s*(?:photo(?:graph)?|picture|image|foto)s?\ by\ (?-i:[A-Z])  # "Photograph by Jane Roe, Wildlife Trust"
    | \((?:photo|image|picture|foto)s?[:\s].{0,60}\)\s*$
    | (?:getty\ images|afp/getty|reuters/|/reuters|ap\ photo|/ap\b|\bepa\b|shutterstock|istock(?:photo)?|corbis|alamy)\b
    | ^\s*credit\s*(?:\.\.\.|…)
    # The agencies an article draws on, signed at its foot: "(Avec AFP)", "Mit Material von dpa",
    # "Con información de EFE", "(ANSA)", "dpa/AFP/jbr".
    | ^\W*(?:avec|with|mit|con|com|met)\ (?:material\ (?:von|der)\ |información\ de\ |informações\ d[ao]s?\ |reporting\ (?:from|by)\ )?
      (?:l'|la\ |the\ |agência\ )?(?:agencies|agences|agencias|agências|agenturen|agenzie|afp|ap|reuters|dpa|efe|ansa|lusa|anp|belga|apa|epa
      |kyodo|xinhua|europa\ press|adnkronos|sda|kna|epd)\b
    | ^\W*\((?:afp|ap|reuters|dpa|efe|ansa|lusa|anp|belga|apa|epa|agencias|agences|agenturen)\)\W*$
    | ^(?:dpa|afp|ap|reuters|epd|kna|rtr|sid)(?:/[\w-]{1,6})+$
    | ^\s*image\ copyright | ^\s*image\ caption | ^\s*media\ caption | ^\s*video\ caption
    | ^[A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){1,3}\s?/\s?(?:The\ )?[A-Z][\w&.'’-]*(?:\ [A-Z][\w&.'’-]*){0,4}$  # Jane Roe/The Daily Post
    """,
    re.I | re.X,
)
# Lines that are the headings of furniture boxes; what follows them is furniture too.
BOX_HEADING = re.compile(
    r"""^\W*(?:stay\ informed|stay\ up\ to\ date|related(?:\ \w+)?|related\ (?:news|stories|articles|posts|links|coverage)\ (?:on|from|at)\ .*|more\ (?:from|on|in|stories|news|like\ this)\b.*|most\ (?:popular|read|viewed|shared|emailed)\b.*
    | popular\b.*|recommended(?:\ \w+)?|you\ (?:may|might)\ also\ like|read\ (?:more|next|also)|see\ also|comments?|\d+\ comments?|leave\ a\ (?:reply|comment)
    | (?:readers?['’]?|users?|visitors?)\ comments?\b.*
    | share\ this(?:\ \w+)?|tags?|topics|trending(?:\ now)?|top\ stories|latest\ (?:news|stories|headlines)|around\ the\ web|from\ the\ web|also\ on\ \w+
    | mehr\ zum\ thema|zum\ thema|das\ könnte\ sie\ auch\ interessieren|archivado\ en
    | weitere\ artikel|kommentare|meistgelesen|lire\ aussi|à\ lire\ aussi|sur\ le\ même\ sujet|les\ plus\ lus|commentaires
    | noticias\ relacionadas|lo\ más\ leído|comentarios|leggi\ anche|più\ letti|commenti|leia\ também|mais\ lidas|comentários
    | lees\ ook|meest\ gelezen|reacties|gerelateerd(?:e\ artikelen)?
    # "See also": a link or two to other stories follows.
    | bekijk\ ook|zie\ ook|siehe\ auch|auch\ interessant|voir\ aussi|à\ voir\ aussi|ver\ también|te\ puede\ interesar
    | vedi\ anche|guarda\ anche|veja\ também|(?:more|más|mais|plus\ d')\ informa(?:tion|ción|ção|tions)
    # A reference list under a health or science piece.
    | recent\ (?:posts|reviews|comments|articles|entries|stories) | about\ (?:the|this)\ (?:blog|author|site|writer)
    | sources|references|further\ reading|quellen|quellenangaben|références|fuentes|referencias|fonti|fontes|referências|bronnen)\W*$""",
    re.I | re.X,
)


# An image's file name standing in for it ("IMG_2041_edited-1", "harbour-view.JPG"): one
# token with an image extension, or with an underscore and a digit as cameras and CMSs name files.
FILE_NAME = re.compile(r"^\W*(?:[\w.-]+\.(?:jpe?g|png|gif|webp)|(?=[\w.-]*_)(?=[\w.-]*\d)[\w.-]+)\W*$", re.I)


def _button_at_start(text: str, start: int) -> re.Match | None:
    """A longer phrase that opens the line where its first word alone is weak: "Share on
    Facebook" is a button, "I will share it with you" is prose."""
    if re.search(r"\w", text[:start]):
        return None
    return STRONG_LINE.match(text, start)


@lru_cache(maxsize=8192)
def furniture_reason(text: str, n_words: int) -> str | None:
    """Why a line reads as furniture ("phrase: share"), or None when it may be prose."""
    match = (ALWAYS.search(text) or (BOX_TEXT.search(text) if n_words <= BOX_WORDS else None)
             or (POINTER.search(text) if n_words <= POINTER_WORDS else None))
    if match:
        return f"always: {match.group().strip()[:30]}"
    if n_words <= SHORT_WORDS:
        if SKIP_LINK_LINE.match(text):
            return "a skip link"
        if CREDIT.search(text):
            return "credit"
        if FILE_NAME.match(text):
            return "an image's file name"
        for match in SHORT_LINE.finditer(text):
            phrase = match.group().strip()
            # A lone word like "next" or "home" is a button only when the line is little more.
            if n_words > WEAK_MAX_WORDS and phrase.casefold() in WEAK:
                longer = _button_at_start(text, match.start())
                if not longer:
                    continue
                phrase = longer.group().strip()
            return f"phrase: {phrase[:30]}"
    return None


def is_box_heading(text: str) -> bool:
    """A heading that opens a furniture box ("Stay informed", "Related stories", "Comments")."""
    return len(text) <= 60 and bool(BOX_HEADING.match(text))


# A photo's credit run on at the end of its caption: "... at the quay Photo: DEADLINE",
# "... ministre du Redressement productif Crédits photo : Ann LEE/Le Journal".
CAPTION_CREDIT = re.compile(
    r"[|(\[]?\s*(?:photo(?:graph)?s?|pictures?|images?|fotos?|bild|crédits?\s+photos?|photo\s+credits?)"
    r"\s*:\s*(?P<credit>[^:]{1,60})$",
    re.I,
)
# The caption before the credit is at least a phrase (a headline may open on "The Big
# Picture: Markets Rally").
CAPTION_WORDS_BEFORE_CREDIT = 4
# The credit names someone in a few capitalised words, joined by these at most ("Ann Lee for
# The Courier", "Sam KEEL/Le Journal"); not a headline's phrase after "The year in pictures:".
CREDIT_NAME_WORDS = 5
CREDIT_JOINS = frozenset({"for", "of", "the", "via", "and", "de", "du", "la", "le", "von", "van"})


# A credit in brackets closing a caption, however many words it names: "Ann Fisher, Tom Reed
# (Credit: AP/Ann Lee/Photo montage by The Courier)", "(Foto: Sam Keel/dpa)".
BRACKETED_CREDIT = re.compile(
    r"\(\s*(?:credits?|photo(?:graph)?s?|pictures?|images?|fotos?|bild|crédits?(?:\s+photos?)?|photo\s+credits?)\s*:[^()]{2,100}\)\s*$",
    re.I,
)


def is_captioned(text: str) -> bool:
    """Whether a line is a photo's caption with its credit run on after it (see `CAPTION_CREDIT`,
    `BRACKETED_CREDIT`)."""
    bracketed = BRACKETED_CREDIT.search(text)
    if bracketed is not None and text[: bracketed.start()].strip():
        return True
    match = CAPTION_CREDIT.search(text)
    if match is None or len(text[: match.start()].split()) < CAPTION_WORDS_BEFORE_CREDIT:
        return False
    words = match.group("credit").replace("/", " ").split()
    if not 0 < len(words) <= CREDIT_NAME_WORDS:
        return False
    return words[0][:1].isupper() and all(w[:1].isupper() or w in CREDIT_JOINS for w in words)


def is_credit(text: str) -> bool:
    """A photo credit or a caption carrying one."""
    return bool(CREDIT.search(text))
