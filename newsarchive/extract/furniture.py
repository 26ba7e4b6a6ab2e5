"""Page furniture told from its wording: the phrases of menus, sign-up boxes, share bars,
cookie notices, "related" lists and copyright footers, in English, German, French,
Spanish, Italian, Portuguese and Dutch.

A phrase only condemns a short line: "share" in a 40-word paragraph is prose, "Share this"
on its own is a button. Some lines are furniture whatever their length (a copyright
notice, "All rights reserved").
"""

from __future__ import annotations

import re

# Phrases that make a short line furniture. Matched case-insensitively on word boundaries.
_SHORT_LINE_PHRASES = r"""
sign ?up | sign ?in | log ?in | log ?out | register | subscribe | subscription | newsletters? | unsubscribe
| share | shares | tweet | retweet | facebook | twitter | linkedin | pinterest | whatsapp | reddit | google\+ | instagram | youtube
| e-?mail (this|to a friend|article|story) | print( this| article| story| page)? | permalink
| advertisement | advertising | advertise | sponsored | promoted | ad choices | adchoices
| related (articles?|stories|content|links|news|topics|videos?|coverage|posts?)? | more (from|on|in|stories|news|about|like this|articles|videos)
| read (more|next|full|the full|also|this next) | see (also|more|all) | continue reading | click here | learn more | find out more
| most (popular|read|viewed|shared|emailed|commented|recent) | popular | trending | top stories | latest (news|stories|headlines)? | recommended | editor'?s picks
| you (may|might) (also )?like | don'?t miss | in case you missed | also on | around the web | from the web | promoted stories
| comments? | leave a (comment|reply) | post a comment | add (a )?comment | reply | report abuse | \d+ comments? | join the (conversation|discussion)
| cookies? | privacy( policy| notice)? | terms (of|and) (use|service|conditions) | terms & conditions | accessibility | site ?map | contact us | about us
| skip to | jump to | back to top | go to | return to | home ?page | home | menu | navigation | search | previous | next | prev | page \d+
| follow (us|me|him|her|on) | like us | connect with | get the app | download the app | rss | feeds?
| all rights reserved | copyright | \(c\) | © | terms | faq | help | careers | jobs | media kit | corrections
| photos? | videos? | gallery | slideshows? | watch | listen | podcasts?
| tags? | topics | filed under | categories | category | archives?
| loading | javascript | enable javascript | flash player | adobe flash
| anmelden | abmelden | einloggen | registrieren | abonnieren | abonnement | teilen | drucken | versenden | anzeige | werbung
| mehr zum thema | weiterlesen | weitere artikel | datenschutz | impressum | alle rechte vorbehalten | kommentare? | startseite | zur startseite | meistgelesen
| s'abonner | abonnez-vous | se connecter | connexion | inscription | partager | imprimer | publicité | lire aussi | à lire aussi | lire la suite | en savoir plus
| tous droits réservés | mentions légales | commentaires? | accueil | les plus lus | newsletter
| suscríbete | suscribirse | iniciar sesión | registrarse | compartir | imprimir | publicidad | leer más | lee también | noticias relacionadas | relacionad[oa]s
| todos los derechos reservados | aviso legal | comentarios? | portada | lo más leído | inicio
| iscriviti | abbonati | accedi | registrati | condividi | stampa | pubblicità | leggi anche | leggi tutto | tutti i diritti riservati | commenti | più letti
| assine | assinar | entrar | cadastre-se | compartilhe | compartilhar | partilhar | publicidade | leia também | leia mais | saiba mais | todos os direitos reservados
| comentários | mais lidas
| aanmelden | inloggen | abonneer | abonnement | delen | advertentie | lees ook | lees meer | meer over | alle rechten voorbehouden | reacties | voorpagina | meest gelezen
"""
_ALTERNATIVES = "|".join(p.strip() for p in _SHORT_LINE_PHRASES.split("|") if p.strip())
SHORT_LINE = re.compile(r"(?<!\w)(?:" + _ALTERNATIVES + r")(?!\w)", re.I)
# A line is "short" for the phrase test up to this many words.
SHORT_WORDS = 12

# Furniture whatever the length of the line.
ALWAYS = re.compile(
    r"""^\s*(?:©|\(c\)\s*\d{4}|copyright\b)
    | all\ rights\ reserved | alle\ rechte\ vorbehalten | tous\ droits\ réservés
    | todos\ (?:los|os)\ direitos\ reservados | todos\ los\ derechos\ reservados | tutti\ i\ diritti\ riservati
    | alle\ rechten\ voorbehouden
    | \bwe\ use\ cookies | \buses\ cookies | \bthis\ (?:web)?site\ uses | by\ continuing\ to\ (?:use|browse)
    | \byour\ browser\ (?:does\ not|doesn'?t)\ support | \benable\ javascript | \brequires\ (?:javascript|flash|adobe)
    | \bsign\ up\ for\ (?:our|the|free|\w+'s) | \bsubscribe\ to\ (?:our|the) | \bfollow\ us\ on
    | \bclick\ here\ to | \bshare\ this\ (?:article|story|page) | \bback\ to\ top\b
    | \bthis\ article\ is\ from\ the\ .{0,40}archive
    | \bposted\ in\b.{0,80}\|
    """,
    re.I | re.X,
)
# Photo and image credits, and captions that carry one.
CREDIT = re.compile(
    r"""^\s*[\[(]?(?:photo|photograph|picture|image|foto|bild|illustration|graphic|credit|source|fuente|quelle)s?\s*(?:credit)?\s*[:/]
    | \((?:photo|image|picture|foto)s?[:\s].{0,60}\)\s*$
    | (?:getty\ images|afp/getty|reuters/|/reuters|ap\ photo|/ap\b|\bepa\b|shutterstock|istock(?:photo)?|corbis|alamy)\b
    | ^\s*image\ copyright | ^\s*image\ caption | ^\s*media\ caption
    """,
    re.I | re.X,
)
# Lines that are the headings of furniture boxes; what follows them is furniture too.
BOX_HEADING = re.compile(
    r"""^\W*(?:stay\ informed|related(?:\ \w+)?|more\ (?:from|on|in|stories|news|like\ this)\b.*|most\ (?:popular|read|viewed|shared|emailed)\b.*
    | popular\b.*|recommended(?:\ \w+)?|you\ (?:may|might)\ also\ like|read\ (?:more|next|also)|see\ also|comments?|\d+\ comments?|leave\ a\ (?:reply|comment)
    | share\ this(?:\ \w+)?|tags?|topics|trending(?:\ now)?|top\ stories|latest\ (?:news|stories|headlines)|around\ the\ web|from\ the\ web|also\ on\ \w+
    | mehr\ zum\ thema|weitere\ artikel|kommentare|meistgelesen|lire\ aussi|à\ lire\ aussi|sur\ le\ même\ sujet|les\ plus\ lus|commentaires
    | noticias\ relacionadas|lo\ más\ leído|comentarios|leggi\ anche|più\ letti|commenti|leia\ também|mais\ lidas|comentários
    | lees\ ook|meest\ gelezen|reacties|gerelateerd(?:e\ artikelen)?)\W*$""",
    re.I | re.X,
)


def furniture_reason(text: str, n_words: int) -> str | None:
    """Why a line reads as furniture ("phrase: share"), or None when it may be prose."""
    match = ALWAYS.search(text)
    if match:
        return f"always: {match.group().strip()[:30]}"
    if n_words <= SHORT_WORDS:
        if CREDIT.search(text):
            return "credit"
        match = SHORT_LINE.search(text)
        if match:
            return f"phrase: {match.group().strip()[:30]}"
    return None


def is_box_heading(text: str) -> bool:
    """A heading that opens a furniture box ("Stay informed", "Related stories", "Comments")."""
    return len(text) <= 60 and bool(BOX_HEADING.match(text))


def is_credit(text: str) -> bool:
    """A photo credit or a caption carrying one."""
    return bool(CREDIT.search(text))
