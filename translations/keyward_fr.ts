<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>QObject</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancelling after the current item…</source>
        <translation>Annulation après l’élément en cours…</translation>
    </message>
    <message>
        <source>Keyward</source>
        <translation>Keyward</translation>
    </message>
    <message>
        <source>Keyward could not start:

%1</source>
        <translation>Keyward n’a pas pu démarrer :

%1</translation>
    </message>
    <message>
        <source>Keyward could not start</source>
        <translation>Keyward n’a pas pu démarrer</translation>
    </message>
    <message>
        <source>Keyward could not listen on %1:
%2

Another program may use this address. Listen on another one (saved to %3):</source>
        <translation>Keyward n’a pas pu écouter sur %1 :
%2

Un autre programme utilise peut-être cette adresse. Écouter sur une autre (enregistrée dans %3) :</translation>
    </message>
    <message>
        <source>The installation was already created with the earlier answers (%1); only the administrator is left to create. Change the other answers back, or change them later in Settings.</source>
        <translation>L’installation a déjà été créée avec les réponses précédentes (%1) ; il ne reste que l’administrateur à créer. Rétablissez les autres réponses, ou changez-les plus tard dans les Paramètres.</translation>
    </message>
    <message>
        <source>%1 is refused too: %2</source>
        <translation>%1 est refusé aussi : %2</translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>just now</source>
        <translation>à l’instant</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>il y a %n minute</numerusform>
            <numerusform>il y a %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>il y a %n heure</numerusform>
            <numerusform>il y a %n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>il y a %n jour</numerusform>
            <numerusform>il y a %n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyward::ApiKeyDialog</name>
    <message>
        <source>E&amp;xpires on</source>
        <translation>E&amp;xpire le</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Nouvelle clé d’API</translation>
    </message>
    <message>
        <source>e.g. billing-sync</source>
        <translation>p. ex. billing-sync</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Scopes</source>
        <translation>&amp;Portées</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>&amp;Create key</source>
        <translation>&amp;Créer la clé</translation>
    </message>
</context>
<context>
    <name>keyward::ApiKeysPanel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Key starts</source>
        <translation>Début de la clé</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Portées</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Dernière utilisation</translation>
    </message>
    <message>
        <source>&amp;New key…</source>
        <translation>&amp;Nouvelle clé…</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>Ré&amp;voquer…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>Clé d’API créée</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>Révoquer la clé d’API</translation>
    </message>
    <message>
        <source>Revoke the key %1? Clients using it are refused from now on.</source>
        <translation>Révoquer la clé %1 ? Les clients qui l’utilisent seront refusés dès maintenant.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
</context>
<context>
    <name>keyward::AuditNames</name>
    <message>
        <source>user %1</source>
        <translation>utilisateur %1</translation>
    </message>
    <message>
        <source>API key %1</source>
        <translation>clé d’API %1</translation>
    </message>
    <message>
        <source>console</source>
        <translation>console</translation>
    </message>
    <message>
        <source>system</source>
        <translation>système</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonyme</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>ligne de commande</translation>
    </message>
</context>
<context>
    <name>keyward::AuditPanel</name>
    <message>
        <source>Actor (id or type:id)</source>
        <translation>Acteur (id ou type:id)</translation>
    </message>
    <message>
        <source>Action, e.g. user.create</source>
        <translation>Action, p. ex. user.create</translation>
    </message>
    <message>
        <source>Target (id or type:id)</source>
        <translation>Cible (id ou type:id)</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Tous les résultats</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Succès</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation>&amp;Vérifier la chaîne</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Verifying the audit chain…</source>
        <translation>Vérification de la chaîne d’audit…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message numerus="yes">
        <source>Chain intact: %n event(s) checked.</source>
        <translation>
            <numerusform>Chaîne intacte : %n événement vérifié.</numerusform>
            <numerusform>Chaîne intacte : %n événements vérifiés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Chain broken at event %1: it was changed or removed outside Keyward.</source>
        <translation>Chaîne rompue à l’événement %1 : il a été modifié ou supprimé hors de Keyward.</translation>
    </message>
    <message>
        <source>Exporting audit events…</source>
        <translation>Export des événements d’audit…</translation>
    </message>
    <message>
        <source>Export audit events</source>
        <translation>Exporter les événements d’audit</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>toute date</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Events from this day on</source>
        <translation>Événements à partir de ce jour</translation>
    </message>
    <message>
        <source>Events up to the end of this day</source>
        <translation>Événements jusqu’à la fin de ce jour</translation>
    </message>
</context>
<context>
    <name>keyward::AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
</context>
<context>
    <name>keyward::ClientDialog</name>
    <message>
        <source>&amp;Trusted: its users are not asked to consent</source>
        <translation>De &amp;confiance : les utilisateurs ne sont pas invités à consentir</translation>
    </message>
    <message>
        <source>Edit client %1</source>
        <translation>Modifier le client %1</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <source>e.g. Shop</source>
        <translation>p. ex. Boutique</translation>
    </message>
    <message>
        <source>Confidential: a server that keeps a secret</source>
        <translation>Confidentiel : un serveur qui garde un secret</translation>
    </message>
    <message>
        <source>Public: a browser or native app (PKCE, no secret)</source>
        <translation>Public : une application web ou native (PKCE, sans secret)</translation>
    </message>
    <message>
        <source>One per line, e.g. https://shop.example.com/callback</source>
        <translation>Une par ligne, p. ex. https://shop.example.com/callback</translation>
    </message>
    <message>
        <source>Secret in the Authorization header (client_secret_basic)</source>
        <translation>Secret dans l’en-tête Authorization (client_secret_basic)</translation>
    </message>
    <message>
        <source>Secret in the form (client_secret_post)</source>
        <translation>Secret dans le formulaire (client_secret_post)</translation>
    </message>
    <message>
        <source>Its own keys (private_key_jwt)</source>
        <translation>Ses propres clés (private_key_jwt)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Redirect URIs</source>
        <translation>URI de &amp;redirection</translation>
    </message>
    <message>
        <source>&amp;Grants</source>
        <translation>&amp;Octrois</translation>
    </message>
    <message>
        <source>&amp;Scopes</source>
        <translation>&amp;Portées</translation>
    </message>
    <message>
        <source>&amp;Authentication</source>
        <translation>A&amp;uthentification</translation>
    </message>
    <message>
        <source>Reg&amp;ister</source>
        <translation>&amp;Enregistrer</translation>
    </message>
</context>
<context>
    <name>keyward::ClientsPanel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID client</translation>
    </message>
    <message>
        <source>Redirect URIs</source>
        <translation>URI de redirection</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>Octrois</translation>
    </message>
    <message>
        <source>&amp;New client…</source>
        <translation>&amp;Nouveau client…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>New &amp;secret…</source>
        <translation>Nouveau s&amp;ecret…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>public</source>
        <translation>public</translation>
    </message>
    <message>
        <source>confidential</source>
        <translation>confidentiel</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Secret du client</translation>
    </message>
    <message>
        <source>Copy the client secret now and configure the application with it. It is shown only this once: Keyward stores only a hash of it.</source>
        <translation>Copiez le secret du client maintenant et configurez l’application avec. Il n’est affiché qu’une seule fois : Keyward n’en conserve qu’un hachage.</translation>
    </message>
    <message>
        <source>New client secret</source>
        <translation>Nouveau secret du client</translation>
    </message>
    <message>
        <source>Give %1 a new secret? The current one stops working at once.</source>
        <translation>Donner un nouveau secret à %1 ? L’actuel cesse aussitôt de fonctionner.</translation>
    </message>
    <message>
        <source>New secret</source>
        <translation>Nouveau secret</translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation>Supprimer le client</translation>
    </message>
    <message>
        <source>Delete %1? The application can no longer sign anyone in.</source>
        <translation>Supprimer %1 ? L’application ne pourra plus connecter personne.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>keyward::DurationEdit</name>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message numerus="yes">
        <source>%Ln second(s)</source>
        <translation>
            <numerusform>%Ln seconde</numerusform>
            <numerusform>%Ln secondes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyward::FirstRunWizard</name>
    <message>
        <source>Welcome to Keyward</source>
        <translation>Bienvenue dans Keyward</translation>
    </message>
    <message>
        <source>A few questions set up this installation. Everything can be changed later.</source>
        <translation>Quelques questions pour configurer cette installation. Tout pourra être modifié plus tard.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Répertoire de données</translation>
    </message>
    <message>
        <source>&amp;Data directory:</source>
        <translation>Répertoire de &amp;données :</translation>
    </message>
    <message>
        <source>Keyward keeps its SQLite database, its key file (if not in the keychain) and its backups here.</source>
        <translation>Keyward y conserve sa base SQLite, son fichier de clé (s’il n’est pas dans le trousseau) et ses sauvegardes.</translation>
    </message>
    <message>
        <source>Keyward cannot write to %1.</source>
        <translation>Keyward ne peut pas écrire dans %1.</translation>
    </message>
    <message>
        <source>Where applications reach Keyward</source>
        <translation>Où les applications joignent Keyward</translation>
    </message>
    <message>
        <source>&amp;Listen address:</source>
        <translation>Adresse d’é&amp;coute :</translation>
    </message>
    <message>
        <source>ADDRESS:PORT of the REST API. 127.0.0.1 serves this computer only; 0.0.0.0 serves the network (put TLS or a reverse proxy in front).</source>
        <translation>ADRESSE:PORT de l’API REST. 127.0.0.1 ne sert que cet ordinateur ; 0.0.0.0 sert le réseau (placez alors TLS ou un proxy inverse devant).</translation>
    </message>
    <message>
        <source>Use ADDRESS:PORT, for example 127.0.0.1:8080.</source>
        <translation>Indiquez ADRESSE:PORT, par exemple 127.0.0.1:8080.</translation>
    </message>
    <message>
        <source>&amp;SQLite in the data directory (no setup)</source>
        <translation>&amp;SQLite dans le répertoire de données (sans configuration)</translation>
    </message>
    <message>
        <source>&amp;PostgreSQL (several Keyward nodes share it)</source>
        <translation>&amp;PostgreSQL (partagée par plusieurs nœuds Keyward)</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Connecting to PostgreSQL…</source>
        <translation>Connexion à PostgreSQL…</translation>
    </message>
    <message>
        <source>The URL must start with postgresql://</source>
        <translation>L’URL doit commencer par postgresql://</translation>
    </message>
    <message>
        <source>Connected. Keyward creates its tables there on start.</source>
        <translation>Connecté. Keyward y crée ses tables au démarrage.</translation>
    </message>
    <message>
        <source>The system &amp;keychain (recommended)</source>
        <translation>Le &amp;trousseau du système (recommandé)</translation>
    </message>
    <message>
        <source>A &amp;file in the data directory</source>
        <translation>Un &amp;fichier dans le répertoire de données</translation>
    </message>
    <message>
        <source>Master key</source>
        <translation>Clé maîtresse</translation>
    </message>
    <message>
        <source>The master key seals secrets in the database (signing keys, TOTP secrets, the SMTP password). Kept in the keychain, a copy of the data directory alone reveals nothing.</source>
        <translation>La clé maîtresse scelle les secrets de la base (clés de signature, secrets TOTP, mot de passe SMTP). Gardée dans le trousseau, une copie du seul répertoire de données ne révèle rien.</translation>
    </message>
    <message>
        <source>The first administrator</source>
        <translation>Le premier administrateur</translation>
    </message>
    <message>
        <source>This account signs in to the API with every permission.</source>
        <translation>Ce compte se connecte à l’API avec toutes les permissions.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d’&amp;utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>Courri&amp;el :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Confirmation :</translation>
    </message>
    <message>
        <source>Set up Keyward</source>
        <translation>Configurer Keyward</translation>
    </message>
    <message>
        <source>&amp;Create and start</source>
        <translation>&amp;Créer et démarrer</translation>
    </message>
    <message>
        <source>Keyward cannot listen on %1 (%2). Another program may use this port: choose another one.</source>
        <translation>Keyward ne peut pas écouter sur %1 (%2). Un autre programme utilise peut-être ce port : choisissez-en un autre.</translation>
    </message>
    <message>
        <source>Nothing answers at that host and port: is PostgreSQL running and listening there?</source>
        <translation>Rien ne répond à cet hôte et ce port : PostgreSQL est-il lancé et à l’écoute ?</translation>
    </message>
    <message>
        <source>The server refused this user name and password.</source>
        <translation>Le serveur a refusé ce nom d’utilisateur et ce mot de passe.</translation>
    </message>
    <message>
        <source>The user or database in the URL does not exist on that server.</source>
        <translation>L’utilisateur ou la base de l’URL n’existe pas sur ce serveur.</translation>
    </message>
    <message>
        <source>The host name is unknown: check its spelling.</source>
        <translation>Le nom d’hôte est inconnu : vérifiez son orthographe.</translation>
    </message>
    <message>
        <source>The server did not answer in time: a firewall may be in the way.</source>
        <translation>Le serveur n’a pas répondu à temps : un pare-feu bloque peut-être.</translation>
    </message>
    <message>
        <source>The server does not accept connections from this computer (pg_hba.conf).</source>
        <translation>Le serveur n’accepte pas les connexions de cet ordinateur (pg_hba.conf).</translation>
    </message>
    <message>
        <source>The encrypted connection failed: check the server&apos;s TLS settings.</source>
        <translation>La connexion chiffrée a échoué : vérifiez les réglages TLS du serveur.</translation>
    </message>
    <message>
        <source>Could not connect.</source>
        <translation>Connexion impossible.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No system keychain answers here: no Secret Service (such as GNOME Keyring or KWallet) is running in this session (%1). The key goes to a file in the data directory that only you can read; keep a copy of it somewhere safe.</source>
        <translation>Aucun trousseau système ne répond ici : aucun Secret Service (comme GNOME Keyring ou KWallet) ne tourne dans cette session (%1). La clé va dans un fichier du répertoire de données lisible par vous seul ; gardez-en une copie en lieu sûr.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
    <message>
        <source>Ready to create</source>
        <translation>Prêt à créer</translation>
    </message>
    <message>
        <source>Data directory: %1
Listen address: %2
Database: %3
Master key: %4
Administrator: %5 &lt;%6&gt;</source>
        <translation>Répertoire de données : %1
Adresse d’écoute : %2
Base de données : %3
Clé maîtresse : %4
Administrateur : %5 &lt;%6&gt;</translation>
    </message>
    <message>
        <source>SQLite in the data directory</source>
        <translation>SQLite dans le répertoire de données</translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation>le trousseau système</translation>
    </message>
    <message>
        <source>a file in the data directory</source>
        <translation>un fichier du répertoire de données</translation>
    </message>
    <message>
        <source>Keep a copy of the master key apart from the database backups: it is the keychain entry &quot;master-key:%1&quot; of &quot;keyward&quot; (Passwords and Keys can show it). Without it, the sealed secrets of a restored database cannot be read.</source>
        <translation>Gardez une copie de la clé maîtresse à part des sauvegardes de la base : c’est l’entrée « master-key:%1 » de « keyward » du trousseau (Mots de passe et clés peut l’afficher). Sans elle, les secrets scellés d’une base restaurée sont illisibles.</translation>
    </message>
    <message>
        <source>Keep a copy of the master key file %1 apart from the database backups. Without it, the sealed secrets of a restored database cannot be read.</source>
        <translation>Gardez une copie du fichier de clé maîtresse %1 à part des sauvegardes de la base. Sans elle, les secrets scellés d’une base restaurée sont illisibles.</translation>
    </message>
    <message>
        <source>Check the answers: Back changes them, Create writes them.</source>
        <translation>Vérifiez les réponses : « Précédent » les change, « Créer » les écrit.</translation>
    </message>
</context>
<context>
    <name>keyward::HealthPanel</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Dégradé</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Défaillant</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Composant</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Vérifié</translation>
    </message>
    <message>
        <source>Check &amp;now</source>
        <translation>Vérifier &amp;maintenant</translation>
    </message>
    <message>
        <source>Overall: %1</source>
        <translation>Global : %1</translation>
    </message>
</context>
<context>
    <name>keyward::ImportWizard</name>
    <message>
        <source>Keyward users (JSON)</source>
        <translation>Utilisateurs Keyward (JSON)</translation>
    </message>
    <message>
        <source>Keycloak realm export</source>
        <translation>Export de realm Keycloak</translation>
    </message>
    <message>
        <source>Ory Kratos identities</source>
        <translation>Identités Ory Kratos</translation>
    </message>
    <message>
        <source>Zitadel users</source>
        <translation>Utilisateurs Zitadel</translation>
    </message>
    <message>
        <source>Auth0 bulk import</source>
        <translation>Import en masse Auth0</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Import users</source>
        <translation>Importer des utilisateurs</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
    <message>
        <source>Keyward or Keycloak exports, Ory Kratos, Zitadel or Auth0 users, or a CSV file: the format is found from the file.</source>
        <translation>Exports Keyward ou Keycloak, utilisateurs Ory Kratos, Zitadel ou Auth0, ou un fichier CSV : le format est reconnu d’après le fichier.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>User files (*.json *.csv);;All files (*)</source>
        <translation>Fichiers d’utilisateurs (*.json *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>The first users of the file as they will be created.</source>
        <translation>Les premiers utilisateurs du fichier, tels qu’ils seront créés.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>First sign-in</source>
        <translation>Première connexion</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Every user checked against the rules, as the import will: nothing is written yet. Import creates those that pass.</source>
        <translation>Chaque utilisateur est vérifié selon les règles, comme lors de l’import ; rien n’est encore écrit. « Importer » crée ceux qui passent.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB.</source>
        <translation>%1 dépasse %2 Mo.</translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <translation>Ce fichier ne peut pas être importé : %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n user(s)</source>
        <translation>
            <numerusform>%1 : %n utilisateur</numerusform>
            <numerusform>%1 : %n utilisateurs</numerusform>
        </translation>
    </message>
    <message>
        <source>password in the file</source>
        <translation>mot de passe dans le fichier</translation>
    </message>
    <message>
        <source>none: by password reset</source>
        <translation>aucune : par réinitialisation du mot de passe</translation>
    </message>
    <message>
        <source>argon2 hash</source>
        <translation>hachage argon2</translation>
    </message>
    <message>
        <source>bcrypt hash</source>
        <translation>hachage bcrypt</translation>
    </message>
    <message>
        <source>PBKDF2 hash</source>
        <translation>hachage PBKDF2</translation>
    </message>
    <message>
        <source>scrypt hash</source>
        <translation>hachage scrypt</translation>
    </message>
    <message>
        <source>unknown hash</source>
        <translation>hachage inconnu</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>%1 of %2 users shown.</source>
        <translation>%1 utilisateurs affichés sur %2.</translation>
    </message>
    <message>
        <source>Checking users…</source>
        <translation>Vérification des utilisateurs…</translation>
    </message>
    <message>
        <source>Importing users…</source>
        <translation>Import des utilisateurs…</translation>
    </message>
    <message>
        <source>Checked: %1 would be created, %2 already there, %3 refused</source>
        <translation>Vérifié : %1 seraient créés, %2 déjà présents, %3 refusés</translation>
    </message>
    <message>
        <source>Imported: %1 created, %2 already there, %3 refused</source>
        <translation>Importé : %1 créés, %2 déjà présents, %3 refusés</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n user(s) not checked</source>
        <translation>
            <numerusform>Annulé : %n utilisateur non vérifié</numerusform>
            <numerusform>Annulé : %n utilisateurs non vérifiés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n user(s) not imported</source>
        <translation>
            <numerusform>Annulé : %n utilisateur non importé</numerusform>
            <numerusform>Annulé : %n utilisateurs non importés</numerusform>
        </translation>
    </message>
    <message>
        <source>User %1 (%2): %3</source>
        <translation>Utilisateur %1 (%2) : %3</translation>
    </message>
    <message>
        <source>Roles not in Keyward, not assigned: %1</source>
        <translation>Rôles absents de Keyward, non attribués : %1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
</context>
<context>
    <name>keyward::ListPanel</name>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ctualiser</translation>
    </message>
</context>
<context>
    <name>keyward::LogTableModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>depuis %1</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
</context>
<context>
    <name>keyward::LogsPanel</name>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Débogage et plus</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info et plus</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Avertissements et erreurs</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Erreurs seulement</translation>
    </message>
    <message>
        <source>Level filter</source>
        <translation>Filtre de niveau</translation>
    </message>
    <message>
        <source>Filter by text</source>
        <translation>Filtrer par texte</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Export logs</source>
        <translation>Exporter le journal</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation>Fichiers journaux (*.log *.txt)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) written to %1</source>
        <translation>
            <numerusform>%n ligne écrite dans %1</numerusform>
            <numerusform>%n lignes écrites dans %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyward::MainWindow</name>
    <message>
        <source>Keyward</source>
        <translation>Keyward</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>Clés d’API</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Métriques</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Panneaux</translation>
    </message>
    <message>
        <source>Copy the address</source>
        <translation>Copier l’adresse</translation>
    </message>
    <message>
        <source>Address copied</source>
        <translation>Adresse copiée</translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation>%1 req./s</translation>
    </message>
    <message>
        <source>&amp;Open the console</source>
        <translation>&amp;Ouvrir la console</translation>
    </message>
    <message>
        <source>&amp;Copy the address</source>
        <translation>&amp;Copier l’adresse</translation>
    </message>
    <message>
        <source>&amp;Quit Keyward</source>
        <translation>&amp;Quitter Keyward</translation>
    </message>
    <message>
        <source>Keyward is still serving</source>
        <translation>Keyward continue de servir</translation>
    </message>
    <message>
        <source>Quit from the tray icon&apos;s menu.</source>
        <translation>Quittez depuis le menu de l’icône de la zone de notification.</translation>
    </message>
    <message>
        <source>not listening</source>
        <translation>pas à l’écoute</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>En service</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <source>Draining</source>
        <translation>Arrêt en cours</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Keyward: %1 at %2</source>
        <translation>Keyward : %1 sur %2</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>Keyward: %1</source>
        <translation>Keyward : %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n alert(s)</source>
        <translation>
            <numerusform>⚠ %n alerte</numerusform>
            <numerusform>⚠ %n alertes</numerusform>
        </translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
</context>
<context>
    <name>keyward::MetricsPanel</name>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation>requêtes/s</translation>
    </message>
    <message>
        <source>5xx %</source>
        <translation>5xx %</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>par seconde</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latence</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>milliseconds</source>
        <translation>millisecondes</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Logins</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>réussies</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouées</translation>
    </message>
    <message>
        <source>locked out</source>
        <translation>verrouillées</translation>
    </message>
    <message>
        <source>per minute</source>
        <translation>par minute</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>active sessions</source>
        <translation>sessions actives</translation>
    </message>
    <message>
        <source>hash queue</source>
        <translation>file de hachage</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>count</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Last minute</source>
        <translation>Dernière minute</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Dernières 5 minutes</translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>Fenêtre de temps</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>4xx %</source>
        <translation>4xx %</translation>
    </message>
    <message>
        <source>429 %</source>
        <translation>429 %</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Dernières 24 heures</translation>
    </message>
</context>
<context>
    <name>keyward::OverviewPanel</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actifs</translation>
    </message>
    <message>
        <source>Users who may sign in; list them</source>
        <translation>Utilisateurs autorisés à se connecter ; les afficher</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivés</translation>
    </message>
    <message>
        <source>Users who may not sign in; list them</source>
        <translation>Utilisateurs non autorisés à se connecter ; les afficher</translation>
    </message>
    <message>
        <source>locked now</source>
        <translation>verrouillés</translation>
    </message>
    <message>
        <source>Accounts locked after failed logins; the failed logins of the last day in the audit trail</source>
        <translation>Comptes verrouillés après des connexions échouées ; les connexions échouées du dernier jour dans le journal d’audit</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimés</translation>
    </message>
    <message>
        <source>Deleted users kept for restoring; list them too</source>
        <translation>Utilisateurs supprimés conservés pour restauration ; les afficher aussi</translation>
    </message>
    <message>
        <source>never signed in</source>
        <translation>jamais connectés</translation>
    </message>
    <message>
        <source>Users without a login yet; list by last login</source>
        <translation>Utilisateurs sans connexion à ce jour ; afficher par dernière connexion</translation>
    </message>
    <message>
        <source>with MFA</source>
        <translation>avec MFA</translation>
    </message>
    <message>
        <source>Share of users with a second factor; list users</source>
        <translation>Part des utilisateurs avec un second facteur ; afficher les utilisateurs</translation>
    </message>
    <message>
        <source>Activity, last 30 days</source>
        <translation>Activité, 30 derniers jours</translation>
    </message>
    <message>
        <source>new users</source>
        <translation>nouveaux utilisateurs</translation>
    </message>
    <message>
        <source>logins</source>
        <translation>connexions</translation>
    </message>
    <message>
        <source>failed logins</source>
        <translation>connexions échouées</translation>
    </message>
    <message>
        <source>Most failed logins, last 24 hours:</source>
        <translation>Le plus de connexions échouées, dernières 24 heures :</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Connexions échouées</translation>
    </message>
    <message>
        <source>Open to see the failed logins in the audit trail</source>
        <translation>Ouvrir pour voir les connexions échouées dans le journal d’audit</translation>
    </message>
    <message>
        <source>Logins in the audit trail</source>
        <translation>Connexions dans le journal d’audit</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>active sessions</source>
        <translation>sessions actives</translation>
    </message>
    <message>
        <source>Sessions neither revoked nor expired; see Metrics</source>
        <translation>Sessions ni révoquées ni expirées ; voir Métriques</translation>
    </message>
    <message>
        <source>5xx, last minute</source>
        <translation>5xx, dernière minute</translation>
    </message>
    <message>
        <source>Share of responses that were server errors, client errors and rate-limited; see Metrics</source>
        <translation>Part des réponses en erreur serveur, en erreur client et limitées en débit ; voir Métriques</translation>
    </message>
    <message>
        <source>health</source>
        <translation>état</translation>
    </message>
    <message>
        <source>The worst component&apos;s state; see Health</source>
        <translation>L’état du pire composant ; voir État</translation>
    </message>
    <message>
        <source>signing key age</source>
        <translation>âge de la clé de signature</translation>
    </message>
    <message>
        <source>Rotate it twice a year; see Health</source>
        <translation>À renouveler deux fois par an ; voir État</translation>
    </message>
    <message>
        <source>last backup</source>
        <translation>dernière sauvegarde</translation>
    </message>
    <message>
        <source>The backups recorded in the audit trail</source>
        <translation>Les sauvegardes inscrites au journal d’audit</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>with MFA (%1)</source>
        <translation>avec MFA (%1)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>no requests, last minute</source>
        <translation>aucune requête, dernière minute</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>vérification…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>dégradé</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>en panne</translation>
    </message>
    <message numerus="yes">
        <source>health: %n alert(s)</source>
        <translation>
            <numerusform>état : %n alerte</numerusform>
            <numerusform>état : %n alertes</numerusform>
        </translation>
    </message>
    <message>
        <source>5xx · 4xx %1 · 429 %2
of %3 requests, last minute</source>
        <translation>5xx · 4xx %1 · 429 %2
sur %3 requêtes, dernière minute</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Sauvegarder maintenant…</translation>
    </message>
    <message>
        <source>Write a copy of the database to a file while Keyward goes on serving</source>
        <translation>Écrire une copie de la base de données dans un fichier pendant que Keyward continue de servir</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>Sauvegarder la base de données</translation>
    </message>
    <message>
        <source>Keyward backups (*.backup);;All files (*)</source>
        <translation>Sauvegardes Keyward (*.backup);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Sauvegarde de la base de données…</translation>
    </message>
    <message>
        <source>Backed up to %1 (%2). The master key is not in the backup: keep a copy of it apart from the backups.</source>
        <translation>Sauvegardé dans %1 (%2). La clé maîtresse n’est pas dans la sauvegarde : gardez-en une copie à l’écart des sauvegardes.</translation>
    </message>
    <message>
        <source>The backup was not made: %1</source>
        <translation>La sauvegarde n’a pas été faite : %1</translation>
    </message>
</context>
<context>
    <name>keyward::PasswordDialog</name>
    <message>
        <source>Must change it at the next login</source>
        <translation>Doit le changer à la prochaine connexion</translation>
    </message>
    <message>
        <source>Reset password of %1</source>
        <translation>Réinitialiser le mot de passe de %1</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Générer</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Shown in clear so that you can hand it over</source>
        <translation>Affiché en clair pour que vous puissiez le transmettre</translation>
    </message>
    <message>
        <source>New &amp;password</source>
        <translation>Nouveau &amp;mot de passe</translation>
    </message>
    <message>
        <source>&amp;Set password</source>
        <translation>&amp;Définir le mot de passe</translation>
    </message>
</context>
<context>
    <name>keyward::Prompt</name>
    <message>
        <source>Export to %1 failed: %2</source>
        <translation>L&apos;export vers %1 a échoué : %2</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exporté vers %1</translation>
    </message>
</context>
<context>
    <name>keyward::RoleDialog</name>
    <message>
        <source>Edit role %1</source>
        <translation>Modifier le rôle %1</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>Nouveau rôle</translation>
    </message>
    <message>
        <source>e.g. support</source>
        <translation>p. ex. support</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>&amp;Permissions</source>
        <translation>&amp;Permissions</translation>
    </message>
</context>
<context>
    <name>keyward::RolesPanel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Permissions</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>&amp;New role…</source>
        <translation>&amp;Nouveau rôle…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>intégré</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>personnalisé</translation>
    </message>
    <message>
        <source>Built-in roles cannot be changed; create a custom role instead.</source>
        <translation>Les rôles intégrés ne peuvent pas être modifiés ; créez plutôt un rôle personnalisé.</translation>
    </message>
    <message>
        <source>Delete role</source>
        <translation>Supprimer le rôle</translation>
    </message>
    <message>
        <source>Delete the role %1? Users holding it lose its permissions.</source>
        <translation>Supprimer le rôle %1 ? Les utilisateurs qui l’ont perdent ses permissions.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>keyward::SecretDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiée</translation>
    </message>
    <message>
        <source>Copy the key now. It is shown only this once: Keyward stores only a hash of it.</source>
        <translation>Copiez la clé maintenant. Elle n’est affichée que cette fois : Keyward n’en garde qu’une empreinte.</translation>
    </message>
</context>
<context>
    <name>keyward::SettingsPanel</name>
    <message>
        <source>&amp;Policies</source>
        <translation>&amp;Règles</translation>
    </message>
    <message>
        <source>This &amp;installation</source>
        <translation>Cette &amp;installation</translation>
    </message>
    <message>
        <source>comma-separated, e.g. https://app.example.com</source>
        <translation>séparées par des virgules, p. ex. https://app.example.com</translation>
    </message>
    <message>
        <source>comma-separated addresses or ranges, e.g. 10.0.0.0/8</source>
        <translation>adresses ou plages séparées par des virgules, p. ex. 10.0.0.0/8</translation>
    </message>
    <message>
        <source>Send a &amp;test mail…</source>
        <translation>Envoyer un courriel de &amp;test…</translation>
    </message>
    <message>
        <source>&amp;Save policies</source>
        <translation>&amp;Enregistrer les règles</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Adresse d’écoute</translation>
    </message>
    <message>
        <source>TLS certificate (PEM)</source>
        <translation>Certificat TLS (PEM)</translation>
    </message>
    <message>
        <source>TLS private key (PEM)</source>
        <translation>Clé privée TLS (PEM)</translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation>URL de la base de données</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Niveau de journalisation</translation>
    </message>
    <message>
        <source>empty: SQLite in the data directory</source>
        <translation>vide : SQLite dans le répertoire de données</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Console language</source>
        <translation>Langue de la console</translation>
    </message>
    <message>
        <source>Closing the window keeps Keyward serving in the system tray</source>
        <translation>Fermer la fenêtre laisse Keyward en service dans la zone de notification</translation>
    </message>
    <message>
        <source>These options are read at start: saved to %1, they apply after a restart.</source>
        <translation>Ces options sont lues au démarrage : enregistrées dans %1, elles s’appliquent après un redémarrage.</translation>
    </message>
    <message>
        <source>Save &amp;installation</source>
        <translation>Enregistrer l’&amp;installation</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Aucune modification.</translation>
    </message>
    <message>
        <source>Policies saved; every node applies them within seconds.</source>
        <translation>Règles enregistrées ; chaque nœud les applique en quelques secondes.</translation>
    </message>
    <message>
        <source>Saved to %1. Restart Keyward to apply the new options.</source>
        <translation>Enregistré dans %1. Redémarrez Keyward pour appliquer les nouvelles options.</translation>
    </message>
    <message>
        <source>Send a test mail</source>
        <translation>Envoyer un courriel de test</translation>
    </message>
    <message>
        <source>Send a test mail to:</source>
        <translation>Envoyer un courriel de test à :</translation>
    </message>
    <message>
        <source>Sending a test mail…</source>
        <translation>Envoi du courriel de test…</translation>
    </message>
    <message>
        <source>Keyward test mail</source>
        <translation>Courriel de test Keyward</translation>
    </message>
    <message>
        <source>This is a test mail from Keyward. If you can read it, mail delivery works.</source>
        <translation>Ceci est un courriel de test de Keyward. Si vous le lisez, l’envoi fonctionne.</translation>
    </message>
    <message>
        <source>Test mail sent to %1.</source>
        <translation>Courriel de test envoyé à %1.</translation>
    </message>
    <message>
        <source>The test mail could not be sent: %1</source>
        <translation>Le courriel de test n’a pas pu être envoyé : %1</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Inscription</translation>
    </message>
    <message>
        <source>Anyone may register an account</source>
        <translation>Tout le monde peut créer un compte</translation>
    </message>
    <message>
        <source>Passwords</source>
        <translation>Mots de passe</translation>
    </message>
    <message>
        <source>Minimum length</source>
        <translation>Longueur minimale</translation>
    </message>
    <message>
        <source>Recent passwords not reusable</source>
        <translation>Anciens mots de passe non réutilisables</translation>
    </message>
    <message>
        <source>Refuse common passwords</source>
        <translation>Refuser les mots de passe courants</translation>
    </message>
    <message>
        <source>Lockout</source>
        <translation>Verrouillage</translation>
    </message>
    <message>
        <source>Failed logins before a lockout</source>
        <translation>Échecs de connexion avant verrouillage</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation>Limites de débit</translation>
    </message>
    <message>
        <source>Limit requests per client</source>
        <translation>Limiter les requêtes par client</translation>
    </message>
    <message>
        <source>Logins per minute</source>
        <translation>Connexions par minute</translation>
    </message>
    <message>
        <source>Reads per minute</source>
        <translation>Lectures par minute</translation>
    </message>
    <message>
        <source>Writes per minute</source>
        <translation>Écritures par minute</translation>
    </message>
    <message>
        <source>Browser access (CORS)</source>
        <translation>Accès navigateur (CORS)</translation>
    </message>
    <message>
        <source>Allowed origins</source>
        <translation>Origines autorisées</translation>
    </message>
    <message>
        <source>Mail (SMTP)</source>
        <translation>Courriel (SMTP)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Adresse de l’expéditeur</translation>
    </message>
    <message>
        <source>Dormant accounts</source>
        <translation>Comptes dormants</translation>
    </message>
    <message>
        <source>Disable after days without login (0: never)</source>
        <translation>Désactiver après jours sans connexion (0 : jamais)</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <source>Keep events for days (0: forever)</source>
        <translation>Conserver les événements, en jours (0 : toujours)</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Trusted proxies</source>
        <translation>Proxys de confiance</translation>
    </message>
    <message>
        <source>Admin API allowed from</source>
        <translation>API d’administration autorisée depuis</translation>
    </message>
    <message>
        <source>Metrics allowed from</source>
        <translation>Métriques autorisées depuis</translation>
    </message>
    <message>
        <source>First lockout</source>
        <translation>Premier blocage</translation>
    </message>
    <message>
        <source>Longest lockout</source>
        <translation>Blocage le plus long</translation>
    </message>
    <message>
        <source>Access token lifetime</source>
        <translation>Durée du jeton d’accès</translation>
    </message>
    <message>
        <source>Session idle timeout</source>
        <translation>Fin de session après inactivité</translation>
    </message>
    <message>
        <source>Session absolute lifetime</source>
        <translation>Durée maximale d’une session</translation>
    </message>
    <message>
        <source>Turn off a protection</source>
        <translation>Désactiver une protection</translation>
    </message>
    <message>
        <source>This turns off a protection against password guessing or abuse for every client. Save anyway?</source>
        <translation>Cela désactive une protection contre la devinette de mots de passe ou les abus pour tous les clients. Enregistrer quand même ?</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Changed, not saved yet</source>
        <translation>Modifié, pas encore enregistré</translation>
    </message>
    <message numerus="yes">
        <source>%Ln unsaved change(s)</source>
        <translation>
            <numerusform>%Ln modification non enregistrée</numerusform>
            <numerusform>%Ln modifications non enregistrées</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved settings</source>
        <translation>Paramètres non enregistrés</translation>
    </message>
    <message numerus="yes">
        <source>%Ln setting(s) changed and not saved. Save them, or discard the changes?</source>
        <translation>
            <numerusform>%Ln paramètre modifié et non enregistré. L’enregistrer ou abandonner la modification ?</numerusform>
            <numerusform>%Ln paramètres modifiés et non enregistrés. Les enregistrer ou abandonner les modifications ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>New signing key after days (0: never)</source>
        <translation>Nouvelle clé de signature après jours (0 : jamais)</translation>
    </message>
    <message>
        <source>R&amp;otate the signing key now…</source>
        <translation>Renouvel&amp;er la clé de signature maintenant…</translation>
    </message>
    <message>
        <source>Rotate the signing key</source>
        <translation>Renouveler la clé de signature</translation>
    </message>
    <message>
        <source>Make a new signing key for every node? Tokens signed before stay valid until they expire; applications that cache the JWKS fetch it again for the new key id.</source>
        <translation>Créer une nouvelle clé de signature pour tous les nœuds ? Les jetons déjà signés restent valides jusqu’à leur expiration ; les applications qui gardent le JWKS en cache le rechargent pour le nouvel identifiant de clé.</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Renouveler</translation>
    </message>
    <message>
        <source>New signing key %1: every node signs with it from now on.</source>
        <translation>Nouvelle clé de signature %1 : tous les nœuds signent désormais avec elle.</translation>
    </message>
    <message>
        <source>The signing key was not rotated: %1</source>
        <translation>La clé de signature n’a pas été renouvelée : %1</translation>
    </message>
    <message>
        <source>Passkeys</source>
        <translation>Clés d’accès</translation>
    </message>
    <message>
        <source>Sign in with a passkey alone</source>
        <translation>Se connecter avec une clé d’accès seule</translation>
    </message>
    <message>
        <source>Relying party id (empty: the public URL&apos;s host)</source>
        <translation>Identifiant de la partie de confiance (vide : l’hôte de l’URL publique)</translation>
    </message>
    <message>
        <source>Origins (empty: the public URL&apos;s)</source>
        <translation>Origines (vide : celle de l’URL publique)</translation>
    </message>
    <message>
        <source>Ask for attestation (who made the authenticator)</source>
        <translation>Demander l’attestation (qui a fabriqué l’authentificateur)</translation>
    </message>
    <message>
        <source>Offer a passkey after a password sign-in</source>
        <translation>Proposer une clé d’accès après une connexion par mot de passe</translation>
    </message>
</context>
<context>
    <name>keyward::StrengthMeter</name>
    <message>
        <source>Password strength</source>
        <translation>Robustesse du mot de passe</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>Très faible</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Bon</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Fort</translation>
    </message>
</context>
<context>
    <name>keyward::UserDetailPane</name>
    <message>
        <source>Un&amp;lock now</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Dernière utilisation</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <source>Lockout:</source>
        <translation>Verrouillage :</translation>
    </message>
    <message>
        <source>Two-factor:</source>
        <translation>Double authentification :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Last login:</source>
        <translation>Dernière connexion :</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Créé :</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>Activité récente</translation>
    </message>
    <message>
        <source>No user selected</source>
        <translation>Aucun utilisateur sélectionné</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>Supprimé le %1</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Verrouillé jusqu’au %1</translation>
    </message>
    <message>
        <source>Not locked</source>
        <translation>Non verrouillé</translation>
    </message>
    <message>
        <source>Enabled (authenticator app)</source>
        <translation>Activée (application d’authentification)</translation>
    </message>
    <message>
        <source>Not enabled</source>
        <translation>Non activée</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>Défini %1</translation>
    </message>
    <message>
        <source>None set</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>; must be changed at next login</source>
        <translation> ; à changer à la prochaine connexion</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Passkey</source>
        <translation>Clé d’accès</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajoutée</translation>
    </message>
    <message>
        <source>Remove &amp;passkey…</source>
        <translation>Supprimer la clé d’&amp;accès…</translation>
    </message>
    <message>
        <source>Passkeys:</source>
        <translation>Clés d’accès :</translation>
    </message>
    <message>
        <source>Passkeys</source>
        <translation>Clés d’accès</translation>
    </message>
    <message>
        <source>Remove passkey</source>
        <translation>Supprimer la clé d’accès</translation>
    </message>
    <message>
        <source>Remove the passkey &quot;%1&quot; of %2? It will no longer sign in; do this for an authenticator that is lost or stolen.</source>
        <translation>Supprimer la clé d’accès « %1 » de %2 ? Elle ne permettra plus de se connecter ; à faire pour un authentificateur perdu ou volé.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisée</translation>
    </message>
    <message>
        <source>On one device</source>
        <translation>Sur un seul appareil</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message numerus="yes">
        <source>%n, signing in alone</source>
        <translation>
            <numerusform>%n, connexion seule</numerusform>
            <numerusform>%n, connexion seule</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n, after the password</source>
        <translation>
            <numerusform>%n, après le mot de passe</numerusform>
            <numerusform>%n, après le mot de passe</numerusform>
        </translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Stockée</translation>
    </message>
</context>
<context>
    <name>keyward::UserDialog</name>
    <message>
        <source>Disabled: cannot log in</source>
        <translation>Désactivé : ne peut pas se connecter</translation>
    </message>
    <message>
        <source>Must change the password at next login</source>
        <translation>Doit changer son mot de passe à la prochaine connexion</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Nouvel utilisateur</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>Nom d’&amp;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>Courri&amp;el</translation>
    </message>
    <message>
        <source>&amp;Display name</source>
        <translation>Nom &amp;affiché</translation>
    </message>
    <message>
        <source>empty: set one later or send a reset mail</source>
        <translation>vide : à définir plus tard ou par un courriel de réinitialisation</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>&amp;Roles</source>
        <translation>&amp;Rôles</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>&amp;Add attribute</source>
        <translation>&amp;Ajouter un attribut</translation>
    </message>
    <message>
        <source>Re&amp;move attribute</source>
        <translation>Re&amp;tirer l’attribut</translation>
    </message>
    <message>
        <source>A&amp;ttributes</source>
        <translation>A&amp;ttributs</translation>
    </message>
</context>
<context>
    <name>keyward::UserTableModel</name>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>verrouillé</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom affiché</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Dernière connexion</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
</context>
<context>
    <name>keyward::UsersPanel</name>
    <message>
        <source>Show &amp;deleted</source>
        <translation>Afficher les &amp;supprimés</translation>
    </message>
    <message>
        <source>Search username, email or name</source>
        <translation>Rechercher un nom d’utilisateur, un courriel ou un nom</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Rechercher des utilisateurs</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtre de statut</translation>
    </message>
    <message>
        <source>Role filter</source>
        <translation>Filtre de rôle</translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation>&amp;Nouvel utilisateur…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>D&amp;isable</source>
        <translation>Dés&amp;activer</translation>
    </message>
    <message>
        <source>En&amp;able</source>
        <translation>Acti&amp;ver</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Réinitialiser le mot de &amp;passe…</translation>
    </message>
    <message>
        <source>Revoke &amp;sessions</source>
        <translation>Révoquer les &amp;sessions</translation>
    </message>
    <message>
        <source>Add &amp;role…</source>
        <translation>Ajouter un &amp;rôle…</translation>
    </message>
    <message>
        <source>Remo&amp;ve role…</source>
        <translation>Reti&amp;rer un rôle…</translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation>Res&amp;taurer</translation>
    </message>
    <message>
        <source>P&amp;urge…</source>
        <translation>&amp;Effacer…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Actuali&amp;ser</translation>
    </message>
    <message>
        <source>&amp;More</source>
        <translation>&amp;Plus</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Tous les rôles</translation>
    </message>
    <message>
        <source>Select one or more users first.</source>
        <translation>Sélectionnez d’abord un ou plusieurs utilisateurs.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation>Création de %1…</translation>
    </message>
    <message>
        <source>Enabling users…</source>
        <translation>Activation des utilisateurs…</translation>
    </message>
    <message>
        <source>Disabling users…</source>
        <translation>Désactivation des utilisateurs…</translation>
    </message>
    <message>
        <source>Unlocking users…</source>
        <translation>Déverrouillage des utilisateurs…</translation>
    </message>
    <message>
        <source>Setting the password…</source>
        <translation>Définition du mot de passe…</translation>
    </message>
    <message>
        <source>Password set; every session of the user has ended.</source>
        <translation>Mot de passe défini ; toutes les sessions de l’utilisateur sont terminées.</translation>
    </message>
    <message>
        <source>Revoking sessions…</source>
        <translation>Révocation des sessions…</translation>
    </message>
    <message>
        <source>Resetting two-factor sign-in…</source>
        <translation>Réinitialisation de la double authentification…</translation>
    </message>
    <message>
        <source>Add role</source>
        <translation>Ajouter un rôle</translation>
    </message>
    <message>
        <source>Remove role</source>
        <translation>Retirer un rôle</translation>
    </message>
    <message>
        <source>Role to add to the selected users:</source>
        <translation>Rôle à ajouter aux utilisateurs sélectionnés :</translation>
    </message>
    <message>
        <source>Role to remove from the selected users:</source>
        <translation>Rôle à retirer des utilisateurs sélectionnés :</translation>
    </message>
    <message>
        <source>Adding role %1…</source>
        <translation>Ajout du rôle %1…</translation>
    </message>
    <message>
        <source>Removing role %1…</source>
        <translation>Retrait du rôle %1…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleting users…</source>
        <translation>Suppression des utilisateurs…</translation>
    </message>
    <message>
        <source>Restoring users…</source>
        <translation>Restauration des utilisateurs…</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Purging users…</source>
        <translation>Effacement des utilisateurs…</translation>
    </message>
    <message>
        <source>&amp;Import users…</source>
        <translation>&amp;Importer des utilisateurs…</translation>
    </message>
    <message>
        <source>E&amp;xport users…</source>
        <translation>E&amp;xporter les utilisateurs…</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) refused; see the list.</source>
        <translation>
            <numerusform>%n utilisateur refusé ; voir la liste.</numerusform>
            <numerusform>%n utilisateurs refusés ; voir la liste.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export users</source>
        <translation>Exporter les utilisateurs</translation>
    </message>
    <message>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting users…</source>
        <translation>Export des utilisateurs…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln utilisateur</numerusform>
            <numerusform>%Ln utilisateurs</numerusform>
        </translation>
    </message>
    <message>
        <source>Dis&amp;miss</source>
        <translation>&amp;Masquer</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Reset two-&amp;factor…</source>
        <translation>Réinitialiser la double &amp;authentification…</translation>
    </message>
    <message>
        <source>Select all &amp;matching</source>
        <translation>Sélectionner tous les &amp;résultats</translation>
    </message>
    <message numerus="yes">
        <source>All %Ln matching selected</source>
        <translation>
            <numerusform>Le résultat (%Ln) est sélectionné</numerusform>
            <numerusform>Les %Ln résultats sont sélectionnés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>%Ln sélectionné</numerusform>
            <numerusform>%Ln sélectionnés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Select all %Ln matching</source>
        <translation>
            <numerusform>Sélectionner le résultat (%Ln)</numerusform>
            <numerusform>Sélectionner les %Ln résultats</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler : %1</translation>
    </message>
    <message>
        <source>Could not read the users: %1</source>
        <translation>Impossible de lire les utilisateurs : %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln done</source>
        <translation>
            <numerusform>%Ln fait</numerusform>
            <numerusform>%Ln faits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already so</source>
        <translation>
            <numerusform>%Ln déjà ainsi</numerusform>
            <numerusform>%Ln déjà ainsi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused</source>
        <translation>
            <numerusform>%Ln refusé</numerusform>
            <numerusform>%Ln refusés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln no longer matching</source>
        <translation>
            <numerusform>%Ln ne correspond plus</numerusform>
            <numerusform>%Ln ne correspondent plus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not reached (cancelled)</source>
        <translation>
            <numerusform>%Ln non traité (annulé)</numerusform>
            <numerusform>%Ln non traités (annulé)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 refused; see the list.</source>
        <translation>%1 sur %2 refusés ; voir la liste.</translation>
    </message>
    <message>
        <source>Undoing…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>role change of %1</source>
        <translation>changement de rôles de %1</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message numerus="yes">
        <source>Enable %Ln user(s)?</source>
        <translation>
            <numerusform>Activer %Ln utilisateur ?</numerusform>
            <numerusform>Activer %Ln utilisateurs ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disable %Ln user(s)? They can no longer sign in.</source>
        <translation>
            <numerusform>Désactiver %Ln utilisateur ? Il ne pourra plus se connecter.</numerusform>
            <numerusform>Désactiver %Ln utilisateurs ? Ils ne pourront plus se connecter.</numerusform>
        </translation>
    </message>
    <message>
        <source>enabling</source>
        <translation>l’activation</translation>
    </message>
    <message>
        <source>disabling</source>
        <translation>la désactivation</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Débloquer</translation>
    </message>
    <message numerus="yes">
        <source>Unlock %Ln user(s)?</source>
        <translation>
            <numerusform>Débloquer %Ln utilisateur ?</numerusform>
            <numerusform>Débloquer %Ln utilisateurs ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke sessions</source>
        <translation>Révoquer les sessions</translation>
    </message>
    <message numerus="yes">
        <source>End every session of %Ln user(s)?</source>
        <translation>
            <numerusform>Fermer toutes les sessions de %Ln utilisateur ?</numerusform>
            <numerusform>Fermer toutes les sessions de %Ln utilisateurs ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Reset two-factor</source>
        <translation>Réinitialiser la double authentification</translation>
    </message>
    <message numerus="yes">
        <source>Turn off two-factor sign-in for %Ln user(s)? They sign in with the password alone until they set it up again.</source>
        <translation>
            <numerusform>Désactiver la double authentification pour %Ln utilisateur ? Il se connectera avec le seul mot de passe jusqu’à la reconfigurer.</numerusform>
            <numerusform>Désactiver la double authentification pour %Ln utilisateurs ? Ils se connecteront avec le seul mot de passe jusqu’à la reconfigurer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add role &apos;%1&apos; to %Ln user(s)?</source>
        <translation>
            <numerusform>Ajouter le rôle « %1 » à %Ln utilisateur ?</numerusform>
            <numerusform>Ajouter le rôle « %1 » à %Ln utilisateurs ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove role &apos;%1&apos; from %Ln user(s)?</source>
        <translation>
            <numerusform>Retirer le rôle « %1 » à %Ln utilisateur ?</numerusform>
            <numerusform>Retirer le rôle « %1 » à %Ln utilisateurs ?</numerusform>
        </translation>
    </message>
    <message>
        <source>adding role %1</source>
        <translation>l’ajout du rôle %1</translation>
    </message>
    <message>
        <source>removing role %1</source>
        <translation>le retrait du rôle %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln user(s)? They can no longer log in; an administrator can restore them.</source>
        <translation>
            <numerusform>Supprimer %Ln utilisateur ? Il ne pourra plus se connecter ; un administrateur peut le restaurer.</numerusform>
            <numerusform>Supprimer %Ln utilisateurs ? Ils ne pourront plus se connecter ; un administrateur peut les restaurer.</numerusform>
        </translation>
    </message>
    <message>
        <source>deleting</source>
        <translation>la suppression</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message numerus="yes">
        <source>Restore %Ln deleted user(s)?</source>
        <translation>
            <numerusform>Restaurer %Ln utilisateur supprimé ?</numerusform>
            <numerusform>Restaurer %Ln utilisateurs supprimés ?</numerusform>
        </translation>
    </message>
    <message>
        <source>restoring</source>
        <translation>la restauration</translation>
    </message>
    <message numerus="yes">
        <source>Erase %Ln user(s) for good, with their sessions, keys and two-factor settings? This cannot be undone; the audit log keeps the record of the purge.</source>
        <translation>
            <numerusform>Effacer définitivement %Ln utilisateur, avec ses sessions, clés et réglages de double authentification ? C’est irréversible ; le journal d’audit garde la trace de la purge.</numerusform>
            <numerusform>Effacer définitivement %Ln utilisateurs, avec leurs sessions, clés et réglages de double authentification ? C’est irréversible ; le journal d’audit garde la trace de la purge.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows %1–%2 of %3</source>
        <translation>Lignes %1–%2 sur %3</translation>
    </message>
    <message numerus="yes">
        <source>%Ln not reached</source>
        <translation>
            <numerusform>%Ln non traité</numerusform>
            <numerusform>%Ln non traités</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed since; left as it is.</source>
        <translation>Modifié entre-temps ; laissé tel quel.</translation>
    </message>
</context>
<context>
    <name>keyward::WebhookDeliveriesDialog</name>
    <message>
        <source>Deliveries to %1</source>
        <translation>Envois vers %1</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Mis en file</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Dernière réponse</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Prochaine tentative</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Envois</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>&amp;Renvoyer</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ctualiser</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>remis</translation>
    </message>
    <message>
        <source>given up</source>
        <translation>abandonné</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>nouvelle tentative</translation>
    </message>
    <message>
        <source>webhook-id %1</source>
        <translation>webhook-id %1</translation>
    </message>
    <message>
        <source>Nothing was sent to this endpoint yet.</source>
        <translation>Rien n’a encore été envoyé à ce point de terminaison.</translation>
    </message>
    <message>
        <source>The newest %1 deliveries.</source>
        <translation>Les %1 envois les plus récents.</translation>
    </message>
    <message>
        <source>Queued to be sent again.</source>
        <translation>Mis en file pour un nouvel envoi.</translation>
    </message>
</context>
<context>
    <name>keyward::WebhookDialog</name>
    <message>
        <source>&amp;Send events to it</source>
        <translation>&amp;Lui envoyer les événements</translation>
    </message>
    <message>
        <source>Edit webhook</source>
        <translation>Modifier le webhook</translation>
    </message>
    <message>
        <source>New webhook</source>
        <translation>Nouveau webhook</translation>
    </message>
    <message>
        <source>e.g. https://crm.example.com/hooks/keyward</source>
        <translation>p. ex. https://crm.example.com/hooks/keyward</translation>
    </message>
    <message>
        <source>e.g. CRM sync</source>
        <translation>p. ex. synchronisation CRM</translation>
    </message>
    <message>
        <source>An event is an audit action; user.* stands for every action on users, * for all.</source>
        <translation>Un événement est une action d’audit ; user.* désigne toute action sur les utilisateurs, * toutes.</translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation>&amp;URL</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>E&amp;vents</source>
        <translation>É&amp;vénements</translation>
    </message>
    <message>
        <source>Reg&amp;ister</source>
        <translation>&amp;Enregistrer</translation>
    </message>
</context>
<context>
    <name>keyward::WebhooksPanel</name>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>&amp;New webhook…</source>
        <translation>&amp;Nouveau webhook…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Deli&amp;veries…</source>
        <translation>&amp;Envois…</translation>
    </message>
    <message>
        <source>New &amp;secret…</source>
        <translation>Nouveau sec&amp;ret…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>on</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>off</source>
        <translation>inactif</translation>
    </message>
    <message>
        <source>off: it failed for a day</source>
        <translation>inactif : en échec depuis un jour</translation>
    </message>
    <message>
        <source>failing since %1</source>
        <translation>en échec depuis %1</translation>
    </message>
    <message>
        <source>Webhook secret</source>
        <translation>Secret du webhook</translation>
    </message>
    <message>
        <source>Copy the signing secret now and give it to the receiving application, which checks each request&apos;s webhook-signature with it. It is shown only this once.</source>
        <translation>Copiez le secret de signature maintenant et donnez-le à l’application destinataire, qui vérifie avec lui la webhook-signature de chaque requête. Il n’est affiché que cette fois.</translation>
    </message>
    <message>
        <source>New webhook secret</source>
        <translation>Nouveau secret de webhook</translation>
    </message>
    <message>
        <source>Give %1 a new secret? Requests are signed with it at once, so the receiver must be given it too.</source>
        <translation>Donner un nouveau secret à %1 ? Les requêtes sont aussitôt signées avec lui : le destinataire doit donc le recevoir aussi.</translation>
    </message>
    <message>
        <source>New secret</source>
        <translation>Nouveau secret</translation>
    </message>
    <message>
        <source>Delete webhook</source>
        <translation>Supprimer le webhook</translation>
    </message>
    <message>
        <source>Delete %1? Its pending deliveries are dropped.</source>
        <translation>Supprimer %1 ? Ses envois en attente sont abandonnés.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
</TS>
