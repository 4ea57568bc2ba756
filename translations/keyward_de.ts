<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling after the current item…</source>
        <translation>Abbruch nach dem aktuellen Eintrag …</translation>
    </message>
    <message>
        <source>Keyward</source>
        <translation>Keyward</translation>
    </message>
    <message>
        <source>Keyward could not start:

%1</source>
        <translation>Keyward konnte nicht starten:

%1</translation>
    </message>
    <message>
        <source>Keyward could not start</source>
        <translation>Keyward konnte nicht starten</translation>
    </message>
    <message>
        <source>Keyward could not listen on %1:
%2

Another program may use this address. Listen on another one (saved to %3):</source>
        <translation>Keyward konnte nicht auf %1 lauschen:
%2

Vielleicht nutzt ein anderes Programm diese Adresse. Auf einer anderen lauschen (gespeichert in %3):</translation>
    </message>
    <message>
        <source>The installation was already created with the earlier answers (%1); only the administrator is left to create. Change the other answers back, or change them later in Settings.</source>
        <translation>Die Installation wurde bereits mit den früheren Antworten angelegt (%1); nur der Administrator fehlt noch. Setzen Sie die anderen Antworten zurück oder ändern Sie sie später in den Einstellungen.</translation>
    </message>
    <message>
        <source>%1 is refused too: %2</source>
        <translation>%1 wird ebenfalls abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyward::ApiKeyDialog</name>
    <message>
        <source>E&amp;xpires on</source>
        <translation>&amp;Läuft ab am</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Neuer API-Schlüssel</translation>
    </message>
    <message>
        <source>e.g. billing-sync</source>
        <translation>z. B. billing-sync</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Scopes</source>
        <translation>&amp;Berechtigungen</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>&amp;Create key</source>
        <translation>Schlüssel &amp;erstellen</translation>
    </message>
</context>
<context>
    <name>keyward::ApiKeysPanel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Key starts</source>
        <translation>Schlüsselanfang</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <source>&amp;New key…</source>
        <translation>&amp;Neuer Schlüssel …</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>&amp;Widerrufen …</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>API-Schlüssel erstellt</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>API-Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Revoke the key %1? Clients using it are refused from now on.</source>
        <translation>Schlüssel %1 widerrufen? Clients, die ihn verwenden, werden ab sofort abgewiesen.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
</context>
<context>
    <name>keyward::AuditNames</name>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>API key %1</source>
        <translation>API-Schlüssel %1</translation>
    </message>
    <message>
        <source>console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>system</source>
        <translation>System</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonym</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>Kommandozeile</translation>
    </message>
</context>
<context>
    <name>keyward::AuditPanel</name>
    <message>
        <source>Actor (id or type:id)</source>
        <translation>Akteur (ID oder Typ:ID)</translation>
    </message>
    <message>
        <source>Action, e.g. user.create</source>
        <translation>Aktion, z. B. user.create</translation>
    </message>
    <message>
        <source>Target (id or type:id)</source>
        <translation>Ziel (ID oder Typ:ID)</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Alle Ergebnisse</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Verweigert</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation>Kette &amp;prüfen</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>Verifying the audit chain…</source>
        <translation>Audit-Kette wird geprüft …</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>Chain intact: %n event(s) checked.</source>
        <translation>
            <numerusform>Kette intakt: %n Ereignis geprüft.</numerusform>
            <numerusform>Kette intakt: %n Ereignisse geprüft.</numerusform>
        </translation>
    </message>
    <message>
        <source>Chain broken at event %1: it was changed or removed outside Keyward.</source>
        <translation>Kette unterbrochen bei Ereignis %1: Es wurde außerhalb von Keyward geändert oder entfernt.</translation>
    </message>
    <message>
        <source>Exporting audit events…</source>
        <translation>Audit-Ereignisse werden exportiert …</translation>
    </message>
    <message>
        <source>Export audit events</source>
        <translation>Audit-Ereignisse exportieren</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>beliebiges Datum</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Ab Datum</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Bis Datum</translation>
    </message>
    <message>
        <source>Events from this day on</source>
        <translation>Ereignisse ab diesem Tag</translation>
    </message>
    <message>
        <source>Events up to the end of this day</source>
        <translation>Ereignisse bis zum Ende dieses Tages</translation>
    </message>
</context>
<context>
    <name>keyward::AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
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
        <translation>&amp;Vertrauenswürdig: Benutzer werden nicht um Zustimmung gebeten</translation>
    </message>
    <message>
        <source>Edit client %1</source>
        <translation>Client %1 bearbeiten</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Neuer Client</translation>
    </message>
    <message>
        <source>e.g. Shop</source>
        <translation>z. B. Shop</translation>
    </message>
    <message>
        <source>Confidential: a server that keeps a secret</source>
        <translation>Vertraulich: ein Server, der ein Geheimnis bewahrt</translation>
    </message>
    <message>
        <source>Public: a browser or native app (PKCE, no secret)</source>
        <translation>Öffentlich: eine Browser- oder native App (PKCE, kein Geheimnis)</translation>
    </message>
    <message>
        <source>One per line, e.g. https://shop.example.com/callback</source>
        <translation>Eine pro Zeile, z. B. https://shop.example.com/callback</translation>
    </message>
    <message>
        <source>Secret in the Authorization header (client_secret_basic)</source>
        <translation>Geheimnis im Authorization-Header (client_secret_basic)</translation>
    </message>
    <message>
        <source>Secret in the form (client_secret_post)</source>
        <translation>Geheimnis im Formular (client_secret_post)</translation>
    </message>
    <message>
        <source>Its own keys (private_key_jwt)</source>
        <translation>Eigene Schlüssel (private_key_jwt)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>&amp;Typ</translation>
    </message>
    <message>
        <source>&amp;Redirect URIs</source>
        <translation>&amp;Weiterleitungs-URIs</translation>
    </message>
    <message>
        <source>&amp;Grants</source>
        <translation>&amp;Grant-Typen</translation>
    </message>
    <message>
        <source>&amp;Scopes</source>
        <translation>&amp;Scopes</translation>
    </message>
    <message>
        <source>&amp;Authentication</source>
        <translation>&amp;Authentifizierung</translation>
    </message>
    <message>
        <source>Reg&amp;ister</source>
        <translation>&amp;Registrieren</translation>
    </message>
</context>
<context>
    <name>keyward::ClientsPanel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Redirect URIs</source>
        <translation>Weiterleitungs-URIs</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>Grant-Typen</translation>
    </message>
    <message>
        <source>&amp;New client…</source>
        <translation>&amp;Neuer Client…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>New &amp;secret…</source>
        <translation>Neues &amp;Geheimnis…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>public</source>
        <translation>öffentlich</translation>
    </message>
    <message>
        <source>confidential</source>
        <translation>vertraulich</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Geheimnis</translation>
    </message>
    <message>
        <source>Copy the client secret now and configure the application with it. It is shown only this once: Keyward stores only a hash of it.</source>
        <translation>Kopieren Sie das Client-Geheimnis jetzt und richten Sie die Anwendung damit ein. Es wird nur dieses eine Mal angezeigt: Keyward speichert nur einen Hash davon.</translation>
    </message>
    <message>
        <source>New client secret</source>
        <translation>Neues Client-Geheimnis</translation>
    </message>
    <message>
        <source>Give %1 a new secret? The current one stops working at once.</source>
        <translation>%1 ein neues Geheimnis geben? Das bisherige gilt sofort nicht mehr.</translation>
    </message>
    <message>
        <source>New secret</source>
        <translation>Neues Geheimnis</translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation>Client löschen</translation>
    </message>
    <message>
        <source>Delete %1? The application can no longer sign anyone in.</source>
        <translation>%1 löschen? Die Anwendung kann dann niemanden mehr anmelden.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>keyward::DurationEdit</name>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message numerus="yes">
        <source>%Ln second(s)</source>
        <translation>
            <numerusform>%Ln Sekunde</numerusform>
            <numerusform>%Ln Sekunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyward::FirstRunWizard</name>
    <message>
        <source>Welcome to Keyward</source>
        <translation>Willkommen bei Keyward</translation>
    </message>
    <message>
        <source>A few questions set up this installation. Everything can be changed later.</source>
        <translation>Ein paar Fragen richten diese Installation ein. Alles lässt sich später ändern.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Datenverzeichnis</translation>
    </message>
    <message>
        <source>&amp;Data directory:</source>
        <translation>&amp;Datenverzeichnis:</translation>
    </message>
    <message>
        <source>Keyward keeps its SQLite database, its key file (if not in the keychain) and its backups here.</source>
        <translation>Hier legt Keyward seine SQLite-Datenbank, seine Schlüsseldatei (falls nicht im Schlüsselbund) und seine Sicherungen ab.</translation>
    </message>
    <message>
        <source>Keyward cannot write to %1.</source>
        <translation>Keyward kann nicht in %1 schreiben.</translation>
    </message>
    <message>
        <source>Where applications reach Keyward</source>
        <translation>Wo Anwendungen Keyward erreichen</translation>
    </message>
    <message>
        <source>&amp;Listen address:</source>
        <translation>&amp;Lauschadresse:</translation>
    </message>
    <message>
        <source>ADDRESS:PORT of the REST API. 127.0.0.1 serves this computer only; 0.0.0.0 serves the network (put TLS or a reverse proxy in front).</source>
        <translation>ADRESSE:PORT der REST-API. 127.0.0.1 bedient nur diesen Rechner, 0.0.0.0 das Netzwerk (dann mit TLS oder einem Reverse-Proxy davor).</translation>
    </message>
    <message>
        <source>Use ADDRESS:PORT, for example 127.0.0.1:8080.</source>
        <translation>Bitte ADRESSE:PORT angeben, zum Beispiel 127.0.0.1:8080.</translation>
    </message>
    <message>
        <source>&amp;SQLite in the data directory (no setup)</source>
        <translation>&amp;SQLite im Datenverzeichnis (ohne Einrichtung)</translation>
    </message>
    <message>
        <source>&amp;PostgreSQL (several Keyward nodes share it)</source>
        <translation>&amp;PostgreSQL (mehrere Keyward-Knoten teilen sie)</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Connecting to PostgreSQL…</source>
        <translation>Verbindung zu PostgreSQL wird aufgebaut …</translation>
    </message>
    <message>
        <source>The URL must start with postgresql://</source>
        <translation>Die URL muss mit postgresql:// beginnen</translation>
    </message>
    <message>
        <source>Connected. Keyward creates its tables there on start.</source>
        <translation>Verbunden. Keyward legt seine Tabellen dort beim Start an.</translation>
    </message>
    <message>
        <source>The system &amp;keychain (recommended)</source>
        <translation>Der &amp;Schlüsselbund des Systems (empfohlen)</translation>
    </message>
    <message>
        <source>A &amp;file in the data directory</source>
        <translation>Eine &amp;Datei im Datenverzeichnis</translation>
    </message>
    <message>
        <source>Master key</source>
        <translation>Hauptschlüssel</translation>
    </message>
    <message>
        <source>The master key seals secrets in the database (signing keys, TOTP secrets, the SMTP password). Kept in the keychain, a copy of the data directory alone reveals nothing.</source>
        <translation>Der Hauptschlüssel versiegelt Geheimnisse in der Datenbank (Signaturschlüssel, TOTP-Geheimnisse, das SMTP-Passwort). Liegt er im Schlüsselbund, verrät eine Kopie des Datenverzeichnisses allein nichts.</translation>
    </message>
    <message>
        <source>The first administrator</source>
        <translation>Der erste Administrator</translation>
    </message>
    <message>
        <source>This account signs in to the API with every permission.</source>
        <translation>Dieses Konto meldet sich mit allen Berechtigungen an der API an.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Set up Keyward</source>
        <translation>Keyward einrichten</translation>
    </message>
    <message>
        <source>&amp;Create and start</source>
        <translation>&amp;Anlegen und starten</translation>
    </message>
    <message>
        <source>Keyward cannot listen on %1 (%2). Another program may use this port: choose another one.</source>
        <translation>Keyward kann nicht auf %1 lauschen (%2). Vielleicht nutzt ein anderes Programm diesen Port: wählen Sie einen anderen.</translation>
    </message>
    <message>
        <source>Nothing answers at that host and port: is PostgreSQL running and listening there?</source>
        <translation>An diesem Host und Port antwortet nichts: Läuft PostgreSQL und lauscht dort?</translation>
    </message>
    <message>
        <source>The server refused this user name and password.</source>
        <translation>Der Server hat diesen Benutzernamen und dieses Passwort abgelehnt.</translation>
    </message>
    <message>
        <source>The user or database in the URL does not exist on that server.</source>
        <translation>Der Benutzer oder die Datenbank aus der URL existiert auf diesem Server nicht.</translation>
    </message>
    <message>
        <source>The host name is unknown: check its spelling.</source>
        <translation>Der Hostname ist unbekannt: Prüfen Sie die Schreibweise.</translation>
    </message>
    <message>
        <source>The server did not answer in time: a firewall may be in the way.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet: Vielleicht steht eine Firewall im Weg.</translation>
    </message>
    <message>
        <source>The server does not accept connections from this computer (pg_hba.conf).</source>
        <translation>Der Server nimmt keine Verbindungen von diesem Computer an (pg_hba.conf).</translation>
    </message>
    <message>
        <source>The encrypted connection failed: check the server&apos;s TLS settings.</source>
        <translation>Die verschlüsselte Verbindung ist fehlgeschlagen: Prüfen Sie die TLS-Einstellungen des Servers.</translation>
    </message>
    <message>
        <source>Could not connect.</source>
        <translation>Keine Verbindung möglich.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No system keychain answers here: no Secret Service (such as GNOME Keyring or KWallet) is running in this session (%1). The key goes to a file in the data directory that only you can read; keep a copy of it somewhere safe.</source>
        <translation>Hier antwortet kein Systemschlüsselbund: In dieser Sitzung läuft kein Secret Service (etwa GNOME Keyring oder KWallet) (%1). Der Schlüssel kommt in eine Datei im Datenverzeichnis, die nur Sie lesen können; bewahren Sie eine Kopie an einem sicheren Ort auf.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <source>Ready to create</source>
        <translation>Bereit zum Anlegen</translation>
    </message>
    <message>
        <source>Data directory: %1
Listen address: %2
Database: %3
Master key: %4
Administrator: %5 &lt;%6&gt;</source>
        <translation>Datenverzeichnis: %1
Lauschadresse: %2
Datenbank: %3
Hauptschlüssel: %4
Administrator: %5 &lt;%6&gt;</translation>
    </message>
    <message>
        <source>SQLite in the data directory</source>
        <translation>SQLite im Datenverzeichnis</translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation>der Systemschlüsselbund</translation>
    </message>
    <message>
        <source>a file in the data directory</source>
        <translation>eine Datei im Datenverzeichnis</translation>
    </message>
    <message>
        <source>Keep a copy of the master key apart from the database backups: it is the keychain entry &quot;master-key:%1&quot; of &quot;keyward&quot; (Passwords and Keys can show it). Without it, the sealed secrets of a restored database cannot be read.</source>
        <translation>Bewahren Sie eine Kopie des Hauptschlüssels getrennt von den Datenbanksicherungen auf: Er ist der Schlüsselbund-Eintrag „master-key:%1“ von „keyward“ (Passwörter und Verschlüsselung zeigt ihn). Ohne ihn lassen sich die versiegelten Geheimnisse einer wiederhergestellten Datenbank nicht lesen.</translation>
    </message>
    <message>
        <source>Keep a copy of the master key file %1 apart from the database backups. Without it, the sealed secrets of a restored database cannot be read.</source>
        <translation>Bewahren Sie eine Kopie der Hauptschlüsseldatei %1 getrennt von den Datenbanksicherungen auf. Ohne sie lassen sich die versiegelten Geheimnisse einer wiederhergestellten Datenbank nicht lesen.</translation>
    </message>
    <message>
        <source>Check the answers: Back changes them, Create writes them.</source>
        <translation>Prüfen Sie die Antworten: „Zurück“ ändert sie, „Anlegen“ schreibt sie.</translation>
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
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Gestört</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Check &amp;now</source>
        <translation>&amp;Jetzt prüfen</translation>
    </message>
    <message>
        <source>Overall: %1</source>
        <translation>Gesamt: %1</translation>
    </message>
</context>
<context>
    <name>keyward::ImportWizard</name>
    <message>
        <source>Keyward users (JSON)</source>
        <translation>Keyward-Benutzer (JSON)</translation>
    </message>
    <message>
        <source>Keycloak realm export</source>
        <translation>Keycloak-Realm-Export</translation>
    </message>
    <message>
        <source>Ory Kratos identities</source>
        <translation>Ory-Kratos-Identitäten</translation>
    </message>
    <message>
        <source>Zitadel users</source>
        <translation>Zitadel-Benutzer</translation>
    </message>
    <message>
        <source>Auth0 bulk import</source>
        <translation>Auth0-Massenimport</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Import users</source>
        <translation>Benutzer importieren</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Datei wählen</translation>
    </message>
    <message>
        <source>Keyward or Keycloak exports, Ory Kratos, Zitadel or Auth0 users, or a CSV file: the format is found from the file.</source>
        <translation>Keyward- oder Keycloak-Exporte, Benutzer aus Ory Kratos, Zitadel oder Auth0 oder eine CSV-Datei: das Format wird an der Datei erkannt.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>User files (*.json *.csv);;All files (*)</source>
        <translation>Benutzerdateien (*.json *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>The first users of the file as they will be created.</source>
        <translation>Die ersten Benutzer der Datei, so wie sie angelegt werden.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>First sign-in</source>
        <translation>Erste Anmeldung</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Every user checked against the rules, as the import will: nothing is written yet. Import creates those that pass.</source>
        <translation>Jeder Benutzer wird wie beim Import nach den Regeln geprüft; noch wird nichts geschrieben. „Importieren“ legt die an, die bestehen.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB.</source>
        <translation>%1 ist größer als %2 MB.</translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <translation>Diese Datei kann nicht importiert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n user(s)</source>
        <translation>
            <numerusform>%1: %n Benutzer</numerusform>
            <numerusform>%1: %n Benutzer</numerusform>
        </translation>
    </message>
    <message>
        <source>password in the file</source>
        <translation>Passwort in der Datei</translation>
    </message>
    <message>
        <source>none: by password reset</source>
        <translation>keine: per Passwort-Zurücksetzung</translation>
    </message>
    <message>
        <source>argon2 hash</source>
        <translation>argon2-Hash</translation>
    </message>
    <message>
        <source>bcrypt hash</source>
        <translation>bcrypt-Hash</translation>
    </message>
    <message>
        <source>PBKDF2 hash</source>
        <translation>PBKDF2-Hash</translation>
    </message>
    <message>
        <source>scrypt hash</source>
        <translation>scrypt-Hash</translation>
    </message>
    <message>
        <source>unknown hash</source>
        <translation>unbekannter Hash</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>%1 of %2 users shown.</source>
        <translation>%1 von %2 Benutzern angezeigt.</translation>
    </message>
    <message>
        <source>Checking users…</source>
        <translation>Benutzer werden geprüft …</translation>
    </message>
    <message>
        <source>Importing users…</source>
        <translation>Benutzer werden importiert …</translation>
    </message>
    <message>
        <source>Checked: %1 would be created, %2 already there, %3 refused</source>
        <translation>Geprüft: %1 würden angelegt, %2 schon vorhanden, %3 abgelehnt</translation>
    </message>
    <message>
        <source>Imported: %1 created, %2 already there, %3 refused</source>
        <translation>Importiert: %1 angelegt, %2 schon vorhanden, %3 abgelehnt</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n user(s) not checked</source>
        <translation>
            <numerusform>Abgebrochen: %n Benutzer nicht geprüft</numerusform>
            <numerusform>Abgebrochen: %n Benutzer nicht geprüft</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n user(s) not imported</source>
        <translation>
            <numerusform>Abgebrochen: %n Benutzer nicht importiert</numerusform>
            <numerusform>Abgebrochen: %n Benutzer nicht importiert</numerusform>
        </translation>
    </message>
    <message>
        <source>User %1 (%2): %3</source>
        <translation>Benutzer %1 (%2): %3</translation>
    </message>
    <message>
        <source>Roles not in Keyward, not assigned: %1</source>
        <translation>Rollen, die es in Keyward nicht gibt, nicht zugewiesen: %1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen …</translation>
    </message>
</context>
<context>
    <name>keyward::ListPanel</name>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
</context>
<context>
    <name>keyward::LogTableModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
</context>
<context>
    <name>keyward::LogsPanel</name>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Debug und höher</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Level filter</source>
        <translation>Stufenfilter</translation>
    </message>
    <message>
        <source>Filter by text</source>
        <translation>Nach Text filtern</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>Export logs</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation>Protokolldateien (*.log *.txt)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) written to %1</source>
        <translation>
            <numerusform>%n Zeile nach %1 geschrieben</numerusform>
            <numerusform>%n Zeilen nach %1 geschrieben</numerusform>
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
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Copy the address</source>
        <translation>Adresse kopieren</translation>
    </message>
    <message>
        <source>Address copied</source>
        <translation>Adresse kopiert</translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation>%1 Anfr./s</translation>
    </message>
    <message>
        <source>&amp;Open the console</source>
        <translation>Konsole ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Copy the address</source>
        <translation>Adresse &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Quit Keyward</source>
        <translation>Keyward &amp;beenden</translation>
    </message>
    <message>
        <source>Keyward is still serving</source>
        <translation>Keyward läuft weiter</translation>
    </message>
    <message>
        <source>Quit from the tray icon&apos;s menu.</source>
        <translation>Beenden über das Menü des Symbols im Infobereich.</translation>
    </message>
    <message>
        <source>not listening</source>
        <translation>lauscht nicht</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Draining</source>
        <translation>Wird beendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Keyward: %1 at %2</source>
        <translation>Keyward: %1 unter %2</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>Keyward: %1</source>
        <translation>Keyward: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n alert(s)</source>
        <translation>
            <numerusform>⚠ %n Warnung</numerusform>
            <numerusform>⚠ %n Warnungen</numerusform>
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
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>5xx %</source>
        <translation>5xx %</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>pro Sekunde</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
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
        <translation>Millisekunden</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Logins</source>
        <translation>Anmeldungen</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>locked out</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>per minute</source>
        <translation>pro Minute</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>active sessions</source>
        <translation>aktive Sitzungen</translation>
    </message>
    <message>
        <source>hash queue</source>
        <translation>Hash-Warteschlange</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>in Bearbeitung</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Last minute</source>
        <translation>Letzte Minute</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>Zeitfenster</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
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
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
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
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>Users who may sign in; list them</source>
        <translation>Benutzer, die sich anmelden dürfen; anzeigen</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>Users who may not sign in; list them</source>
        <translation>Benutzer, die sich nicht anmelden dürfen; anzeigen</translation>
    </message>
    <message>
        <source>locked now</source>
        <translation>derzeit gesperrt</translation>
    </message>
    <message>
        <source>Accounts locked after failed logins; the failed logins of the last day in the audit trail</source>
        <translation>Nach fehlgeschlagenen Anmeldungen gesperrte Konten; die fehlgeschlagenen Anmeldungen des letzten Tages im Audit-Protokoll</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>Deleted users kept for restoring; list them too</source>
        <translation>Gelöschte Benutzer, zum Wiederherstellen aufbewahrt; mit anzeigen</translation>
    </message>
    <message>
        <source>never signed in</source>
        <translation>nie angemeldet</translation>
    </message>
    <message>
        <source>Users without a login yet; list by last login</source>
        <translation>Benutzer ohne bisherige Anmeldung; nach letzter Anmeldung sortiert anzeigen</translation>
    </message>
    <message>
        <source>with MFA</source>
        <translation>mit MFA</translation>
    </message>
    <message>
        <source>Share of users with a second factor; list users</source>
        <translation>Anteil der Benutzer mit zweitem Faktor; Benutzer anzeigen</translation>
    </message>
    <message>
        <source>Activity, last 30 days</source>
        <translation>Aktivität, letzte 30 Tage</translation>
    </message>
    <message>
        <source>new users</source>
        <translation>neue Benutzer</translation>
    </message>
    <message>
        <source>logins</source>
        <translation>Anmeldungen</translation>
    </message>
    <message>
        <source>failed logins</source>
        <translation>fehlgeschlagene Anmeldungen</translation>
    </message>
    <message>
        <source>Most failed logins, last 24 hours:</source>
        <translation>Meiste fehlgeschlagene Anmeldungen, letzte 24 Stunden:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Fehlgeschlagene Anmeldungen</translation>
    </message>
    <message>
        <source>Open to see the failed logins in the audit trail</source>
        <translation>Öffnen, um die fehlgeschlagenen Anmeldungen im Audit-Protokoll zu sehen</translation>
    </message>
    <message>
        <source>Logins in the audit trail</source>
        <translation>Anmeldungen im Audit-Protokoll</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>active sessions</source>
        <translation>aktive Sitzungen</translation>
    </message>
    <message>
        <source>Sessions neither revoked nor expired; see Metrics</source>
        <translation>Weder widerrufene noch abgelaufene Sitzungen; siehe Metriken</translation>
    </message>
    <message>
        <source>5xx, last minute</source>
        <translation>5xx, letzte Minute</translation>
    </message>
    <message>
        <source>Share of responses that were server errors, client errors and rate-limited; see Metrics</source>
        <translation>Anteil der Antworten mit Serverfehlern, Clientfehlern und Ratenbegrenzung; siehe Metriken</translation>
    </message>
    <message>
        <source>health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>The worst component&apos;s state; see Health</source>
        <translation>Zustand der schlechtesten Komponente; siehe Zustand</translation>
    </message>
    <message>
        <source>signing key age</source>
        <translation>Alter des Signaturschlüssels</translation>
    </message>
    <message>
        <source>Rotate it twice a year; see Health</source>
        <translation>Zweimal im Jahr wechseln; siehe Zustand</translation>
    </message>
    <message>
        <source>last backup</source>
        <translation>letzte Sicherung</translation>
    </message>
    <message>
        <source>The backups recorded in the audit trail</source>
        <translation>Die im Audit-Protokoll verzeichneten Sicherungen</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>with MFA (%1)</source>
        <translation>mit MFA (%1)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>no requests, last minute</source>
        <translation>keine Anfragen, letzte Minute</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft …</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>gestört</translation>
    </message>
    <message numerus="yes">
        <source>health: %n alert(s)</source>
        <translation>
            <numerusform>Zustand: %n Warnung</numerusform>
            <numerusform>Zustand: %n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>5xx · 4xx %1 · 429 %2
of %3 requests, last minute</source>
        <translation>5xx · 4xx %1 · 429 %2
von %3 Anfragen, letzte Minute</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Jetzt sichern…</translation>
    </message>
    <message>
        <source>Write a copy of the database to a file while Keyward goes on serving</source>
        <translation>Eine Kopie der Datenbank in eine Datei schreiben, während Keyward weiter bedient</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>Datenbank sichern</translation>
    </message>
    <message>
        <source>Keyward backups (*.backup);;All files (*)</source>
        <translation>Keyward-Sicherungen (*.backup);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Die Datenbank wird gesichert…</translation>
    </message>
    <message>
        <source>Backed up to %1 (%2). The master key is not in the backup: keep a copy of it apart from the backups.</source>
        <translation>Gesichert nach %1 (%2). Der Hauptschlüssel ist nicht in der Sicherung: Bewahren Sie eine Kopie davon getrennt von den Sicherungen auf.</translation>
    </message>
    <message>
        <source>The backup was not made: %1</source>
        <translation>Die Sicherung wurde nicht erstellt: %1</translation>
    </message>
</context>
<context>
    <name>keyward::PasswordDialog</name>
    <message>
        <source>Must change it at the next login</source>
        <translation>Muss es bei der nächsten Anmeldung ändern</translation>
    </message>
    <message>
        <source>Reset password of %1</source>
        <translation>Passwort von %1 zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Shown in clear so that you can hand it over</source>
        <translation>Im Klartext angezeigt, damit Sie es weitergeben können</translation>
    </message>
    <message>
        <source>New &amp;password</source>
        <translation>Neues &amp;Passwort</translation>
    </message>
    <message>
        <source>&amp;Set password</source>
        <translation>Passwort &amp;setzen</translation>
    </message>
</context>
<context>
    <name>keyward::Prompt</name>
    <message>
        <source>Export to %1 failed: %2</source>
        <translation>Export nach %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Nach %1 exportiert</translation>
    </message>
</context>
<context>
    <name>keyward::RoleDialog</name>
    <message>
        <source>Edit role %1</source>
        <translation>Rolle %1 bearbeiten</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>Neue Rolle</translation>
    </message>
    <message>
        <source>e.g. support</source>
        <translation>z. B. support</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>&amp;Permissions</source>
        <translation>Be&amp;rechtigungen</translation>
    </message>
</context>
<context>
    <name>keyward::RolesPanel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>&amp;New role…</source>
        <translation>&amp;Neue Rolle …</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>eingebaut</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>eigene</translation>
    </message>
    <message>
        <source>Built-in roles cannot be changed; create a custom role instead.</source>
        <translation>Eingebaute Rollen lassen sich nicht ändern; legen Sie stattdessen eine eigene Rolle an.</translation>
    </message>
    <message>
        <source>Delete role</source>
        <translation>Rolle löschen</translation>
    </message>
    <message>
        <source>Delete the role %1? Users holding it lose its permissions.</source>
        <translation>Rolle %1 löschen? Benutzer mit dieser Rolle verlieren ihre Berechtigungen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>keyward::SecretDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Copy the key now. It is shown only this once: Keyward stores only a hash of it.</source>
        <translation>Kopieren Sie den Schlüssel jetzt. Er wird nur dieses eine Mal angezeigt: Keyward speichert nur einen Hash davon.</translation>
    </message>
</context>
<context>
    <name>keyward::SettingsPanel</name>
    <message>
        <source>&amp;Policies</source>
        <translation>&amp;Richtlinien</translation>
    </message>
    <message>
        <source>This &amp;installation</source>
        <translation>Diese &amp;Installation</translation>
    </message>
    <message>
        <source>comma-separated, e.g. https://app.example.com</source>
        <translation>durch Kommas getrennt, z. B. https://app.example.com</translation>
    </message>
    <message>
        <source>comma-separated addresses or ranges, e.g. 10.0.0.0/8</source>
        <translation>durch Kommas getrennte Adressen oder Bereiche, z. B. 10.0.0.0/8</translation>
    </message>
    <message>
        <source>Send a &amp;test mail…</source>
        <translation>&amp;Test-E-Mail senden …</translation>
    </message>
    <message>
        <source>&amp;Save policies</source>
        <translation>Richtlinien &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Lauschadresse</translation>
    </message>
    <message>
        <source>TLS certificate (PEM)</source>
        <translation>TLS-Zertifikat (PEM)</translation>
    </message>
    <message>
        <source>TLS private key (PEM)</source>
        <translation>Privater TLS-Schlüssel (PEM)</translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation>Datenbank-URL</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Protokollstufe</translation>
    </message>
    <message>
        <source>empty: SQLite in the data directory</source>
        <translation>leer: SQLite im Datenverzeichnis</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Console language</source>
        <translation>Sprache der Konsole</translation>
    </message>
    <message>
        <source>Closing the window keeps Keyward serving in the system tray</source>
        <translation>Beim Schließen des Fensters läuft Keyward im Infobereich weiter</translation>
    </message>
    <message>
        <source>These options are read at start: saved to %1, they apply after a restart.</source>
        <translation>Diese Optionen werden beim Start gelesen: In %1 gespeichert, gelten sie nach einem Neustart.</translation>
    </message>
    <message>
        <source>Save &amp;installation</source>
        <translation>Installation &amp;speichern</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Nichts geändert.</translation>
    </message>
    <message>
        <source>Policies saved; every node applies them within seconds.</source>
        <translation>Richtlinien gespeichert; jeder Knoten wendet sie binnen Sekunden an.</translation>
    </message>
    <message>
        <source>Saved to %1. Restart Keyward to apply the new options.</source>
        <translation>In %1 gespeichert. Starten Sie Keyward neu, um die neuen Optionen anzuwenden.</translation>
    </message>
    <message>
        <source>Send a test mail</source>
        <translation>Test-E-Mail senden</translation>
    </message>
    <message>
        <source>Send a test mail to:</source>
        <translation>Test-E-Mail senden an:</translation>
    </message>
    <message>
        <source>Sending a test mail…</source>
        <translation>Test-E-Mail wird gesendet …</translation>
    </message>
    <message>
        <source>Keyward test mail</source>
        <translation>Keyward-Test-E-Mail</translation>
    </message>
    <message>
        <source>This is a test mail from Keyward. If you can read it, mail delivery works.</source>
        <translation>Dies ist eine Test-E-Mail von Keyward. Wenn Sie sie lesen können, funktioniert der Versand.</translation>
    </message>
    <message>
        <source>Test mail sent to %1.</source>
        <translation>Test-E-Mail an %1 gesendet.</translation>
    </message>
    <message>
        <source>The test mail could not be sent: %1</source>
        <translation>Die Test-E-Mail konnte nicht gesendet werden: %1</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registrierung</translation>
    </message>
    <message>
        <source>Anyone may register an account</source>
        <translation>Jede Person darf ein Konto registrieren</translation>
    </message>
    <message>
        <source>Passwords</source>
        <translation>Passwörter</translation>
    </message>
    <message>
        <source>Minimum length</source>
        <translation>Mindestlänge</translation>
    </message>
    <message>
        <source>Recent passwords not reusable</source>
        <translation>Nicht wiederverwendbare frühere Passwörter</translation>
    </message>
    <message>
        <source>Refuse common passwords</source>
        <translation>Verbreitete Passwörter ablehnen</translation>
    </message>
    <message>
        <source>Lockout</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <source>Failed logins before a lockout</source>
        <translation>Fehlgeschlagene Anmeldungen bis zur Sperre</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation>Ratenbegrenzung</translation>
    </message>
    <message>
        <source>Limit requests per client</source>
        <translation>Anfragen pro Client begrenzen</translation>
    </message>
    <message>
        <source>Logins per minute</source>
        <translation>Anmeldungen pro Minute</translation>
    </message>
    <message>
        <source>Reads per minute</source>
        <translation>Lesezugriffe pro Minute</translation>
    </message>
    <message>
        <source>Writes per minute</source>
        <translation>Schreibzugriffe pro Minute</translation>
    </message>
    <message>
        <source>Browser access (CORS)</source>
        <translation>Browserzugriff (CORS)</translation>
    </message>
    <message>
        <source>Allowed origins</source>
        <translation>Erlaubte Ursprünge</translation>
    </message>
    <message>
        <source>Mail (SMTP)</source>
        <translation>E-Mail (SMTP)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Absenderadresse</translation>
    </message>
    <message>
        <source>Dormant accounts</source>
        <translation>Ruhende Konten</translation>
    </message>
    <message>
        <source>Disable after days without login (0: never)</source>
        <translation>Deaktivieren nach Tagen ohne Anmeldung (0: nie)</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>Keep events for days (0: forever)</source>
        <translation>Ereignisse aufbewahren, Tage (0: für immer)</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Trusted proxies</source>
        <translation>Vertrauenswürdige Proxys</translation>
    </message>
    <message>
        <source>Admin API allowed from</source>
        <translation>Admin-API erlaubt von</translation>
    </message>
    <message>
        <source>Metrics allowed from</source>
        <translation>Metriken erlaubt von</translation>
    </message>
    <message>
        <source>First lockout</source>
        <translation>Erste Sperre</translation>
    </message>
    <message>
        <source>Longest lockout</source>
        <translation>Längste Sperre</translation>
    </message>
    <message>
        <source>Access token lifetime</source>
        <translation>Gültigkeit des Zugriffstokens</translation>
    </message>
    <message>
        <source>Session idle timeout</source>
        <translation>Sitzungsende bei Inaktivität</translation>
    </message>
    <message>
        <source>Session absolute lifetime</source>
        <translation>Höchstdauer einer Sitzung</translation>
    </message>
    <message>
        <source>Turn off a protection</source>
        <translation>Einen Schutz abschalten</translation>
    </message>
    <message>
        <source>This turns off a protection against password guessing or abuse for every client. Save anyway?</source>
        <translation>Damit wird ein Schutz gegen Passwortraten oder Missbrauch für alle Clients abgeschaltet. Trotzdem speichern?</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Abschalten</translation>
    </message>
    <message>
        <source>Changed, not saved yet</source>
        <translation>Geändert, noch nicht gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>%Ln unsaved change(s)</source>
        <translation>
            <numerusform>%Ln ungespeicherte Änderung</numerusform>
            <numerusform>%Ln ungespeicherte Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved settings</source>
        <translation>Ungespeicherte Einstellungen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln setting(s) changed and not saved. Save them, or discard the changes?</source>
        <translation>
            <numerusform>%Ln Einstellung geändert und nicht gespeichert. Speichern oder Änderungen verwerfen?</numerusform>
            <numerusform>%Ln Einstellungen geändert und nicht gespeichert. Speichern oder Änderungen verwerfen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>New signing key after days (0: never)</source>
        <translation>Neuer Signaturschlüssel nach Tagen (0: nie)</translation>
    </message>
    <message>
        <source>R&amp;otate the signing key now…</source>
        <translation>Signaturschlüssel jetzt &amp;wechseln…</translation>
    </message>
    <message>
        <source>Rotate the signing key</source>
        <translation>Signaturschlüssel wechseln</translation>
    </message>
    <message>
        <source>Make a new signing key for every node? Tokens signed before stay valid until they expire; applications that cache the JWKS fetch it again for the new key id.</source>
        <translation>Einen neuen Signaturschlüssel für alle Knoten erzeugen? Bereits signierte Tokens bleiben bis zu ihrem Ablauf gültig; Anwendungen, die das JWKS zwischenspeichern, laden es für die neue Schlüssel-ID neu.</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Wechseln</translation>
    </message>
    <message>
        <source>New signing key %1: every node signs with it from now on.</source>
        <translation>Neuer Signaturschlüssel %1: alle Knoten signieren ab jetzt damit.</translation>
    </message>
    <message>
        <source>The signing key was not rotated: %1</source>
        <translation>Der Signaturschlüssel wurde nicht gewechselt: %1</translation>
    </message>
    <message>
        <source>Passkeys</source>
        <translation>Passkeys</translation>
    </message>
    <message>
        <source>Sign in with a passkey alone</source>
        <translation>Anmelden allein mit einem Passkey</translation>
    </message>
    <message>
        <source>Relying party id (empty: the public URL&apos;s host)</source>
        <translation>Relying-Party-ID (leer: Host der öffentlichen URL)</translation>
    </message>
    <message>
        <source>Origins (empty: the public URL&apos;s)</source>
        <translation>Origins (leer: die der öffentlichen URL)</translation>
    </message>
    <message>
        <source>Ask for attestation (who made the authenticator)</source>
        <translation>Attestierung verlangen (wer den Authenticator hergestellt hat)</translation>
    </message>
    <message>
        <source>Offer a passkey after a password sign-in</source>
        <translation>Nach einer Anmeldung mit Passwort einen Passkey anbieten</translation>
    </message>
</context>
<context>
    <name>keyward::StrengthMeter</name>
    <message>
        <source>Password strength</source>
        <translation>Passwortstärke</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>Sehr schwach</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Schwach</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
</context>
<context>
    <name>keyward::UserDetailPane</name>
    <message>
        <source>Un&amp;lock now</source>
        <translation>Jetzt &amp;entsperren</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
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
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Lockout:</source>
        <translation>Sperre:</translation>
    </message>
    <message>
        <source>Two-factor:</source>
        <translation>Zwei-Faktor:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Last login:</source>
        <translation>Letzte Anmeldung:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>Letzte Aktivitäten</translation>
    </message>
    <message>
        <source>No user selected</source>
        <translation>Kein Benutzer ausgewählt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>Gelöscht %1</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Gesperrt bis %1</translation>
    </message>
    <message>
        <source>Not locked</source>
        <translation>Nicht gesperrt</translation>
    </message>
    <message>
        <source>Enabled (authenticator app)</source>
        <translation>Aktiviert (Authenticator-App)</translation>
    </message>
    <message>
        <source>Not enabled</source>
        <translation>Nicht aktiviert</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>Gesetzt %1</translation>
    </message>
    <message>
        <source>None set</source>
        <translation>Keins gesetzt</translation>
    </message>
    <message>
        <source>; must be changed at next login</source>
        <translation>; muss bei der nächsten Anmeldung geändert werden</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Passkey</source>
        <translation>Passkey</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Remove &amp;passkey…</source>
        <translation>&amp;Passkey entfernen…</translation>
    </message>
    <message>
        <source>Passkeys:</source>
        <translation>Passkeys:</translation>
    </message>
    <message>
        <source>Passkeys</source>
        <translation>Passkeys</translation>
    </message>
    <message>
        <source>Remove passkey</source>
        <translation>Passkey entfernen</translation>
    </message>
    <message>
        <source>Remove the passkey &quot;%1&quot; of %2? It will no longer sign in; do this for an authenticator that is lost or stolen.</source>
        <translation>Den Passkey „%1“ von %2 entfernen? Er meldet danach nicht mehr an; tun Sie das für einen verlorenen oder gestohlenen Authenticator.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <source>On one device</source>
        <translation>Auf einem Gerät</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message numerus="yes">
        <source>%n, signing in alone</source>
        <translation>
            <numerusform>%n, meldet allein an</numerusform>
            <numerusform>%n, melden allein an</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n, after the password</source>
        <translation>
            <numerusform>%n, nach dem Passwort</numerusform>
            <numerusform>%n, nach dem Passwort</numerusform>
        </translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Gespeichert</translation>
    </message>
</context>
<context>
    <name>keyward::UserDialog</name>
    <message>
        <source>Disabled: cannot log in</source>
        <translation>Deaktiviert: kann sich nicht anmelden</translation>
    </message>
    <message>
        <source>Must change the password at next login</source>
        <translation>Muss das Passwort bei der nächsten Anmeldung ändern</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Neuer Benutzer</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Benutzername</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;Display name</source>
        <translation>&amp;Anzeigename</translation>
    </message>
    <message>
        <source>empty: set one later or send a reset mail</source>
        <translation>leer: später setzen oder eine Rücksetz-E-Mail senden</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>&amp;Roles</source>
        <translation>&amp;Rollen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>&amp;Add attribute</source>
        <translation>Attribut &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move attribute</source>
        <translation>Attribut ent&amp;fernen</translation>
    </message>
    <message>
        <source>A&amp;ttributes</source>
        <translation>A&amp;ttribute</translation>
    </message>
</context>
<context>
    <name>keyward::UserTableModel</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Letzte Anmeldung</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>keyward::UsersPanel</name>
    <message>
        <source>Show &amp;deleted</source>
        <translation>&amp;Gelöschte zeigen</translation>
    </message>
    <message>
        <source>Search username, email or name</source>
        <translation>Benutzername, E-Mail oder Name suchen</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Benutzer suchen</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>Role filter</source>
        <translation>Rollenfilter</translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation>&amp;Neuer Benutzer …</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>D&amp;isable</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>En&amp;able</source>
        <translation>Akti&amp;vieren</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>&amp;Passwort zurücksetzen …</translation>
    </message>
    <message>
        <source>Revoke &amp;sessions</source>
        <translation>&amp;Sitzungen widerrufen</translation>
    </message>
    <message>
        <source>Add &amp;role…</source>
        <translation>&amp;Rolle hinzufügen …</translation>
    </message>
    <message>
        <source>Remo&amp;ve role…</source>
        <translation>Rolle ent&amp;fernen …</translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>P&amp;urge…</source>
        <translation>Endgültig l&amp;öschen …</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;More</source>
        <translation>&amp;Mehr</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Alle Rollen</translation>
    </message>
    <message>
        <source>Select one or more users first.</source>
        <translation>Wählen Sie zuerst einen oder mehrere Benutzer aus.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation>%1 wird angelegt …</translation>
    </message>
    <message>
        <source>Enabling users…</source>
        <translation>Benutzer werden aktiviert …</translation>
    </message>
    <message>
        <source>Disabling users…</source>
        <translation>Benutzer werden deaktiviert …</translation>
    </message>
    <message>
        <source>Unlocking users…</source>
        <translation>Benutzer werden entsperrt …</translation>
    </message>
    <message>
        <source>Setting the password…</source>
        <translation>Passwort wird gesetzt …</translation>
    </message>
    <message>
        <source>Password set; every session of the user has ended.</source>
        <translation>Passwort gesetzt; alle Sitzungen des Benutzers sind beendet.</translation>
    </message>
    <message>
        <source>Revoking sessions…</source>
        <translation>Sitzungen werden widerrufen …</translation>
    </message>
    <message>
        <source>Resetting two-factor sign-in…</source>
        <translation>Zwei-Faktor-Anmeldung wird zurückgesetzt …</translation>
    </message>
    <message>
        <source>Add role</source>
        <translation>Rolle hinzufügen</translation>
    </message>
    <message>
        <source>Remove role</source>
        <translation>Rolle entfernen</translation>
    </message>
    <message>
        <source>Role to add to the selected users:</source>
        <translation>Rolle, die die ausgewählten Benutzer erhalten:</translation>
    </message>
    <message>
        <source>Role to remove from the selected users:</source>
        <translation>Rolle, die den ausgewählten Benutzern entzogen wird:</translation>
    </message>
    <message>
        <source>Adding role %1…</source>
        <translation>Rolle %1 wird hinzugefügt …</translation>
    </message>
    <message>
        <source>Removing role %1…</source>
        <translation>Rolle %1 wird entfernt …</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleting users…</source>
        <translation>Benutzer werden gelöscht …</translation>
    </message>
    <message>
        <source>Restoring users…</source>
        <translation>Benutzer werden wiederhergestellt …</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>Endgültig löschen</translation>
    </message>
    <message>
        <source>Purging users…</source>
        <translation>Benutzer werden endgültig gelöscht …</translation>
    </message>
    <message>
        <source>&amp;Import users…</source>
        <translation>Benutzer &amp;importieren …</translation>
    </message>
    <message>
        <source>E&amp;xport users…</source>
        <translation>Benutzer e&amp;xportieren …</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) refused; see the list.</source>
        <translation>
            <numerusform>%n Benutzer abgelehnt; siehe Liste.</numerusform>
            <numerusform>%n Benutzer abgelehnt; siehe Liste.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export users</source>
        <translation>Benutzer exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting users…</source>
        <translation>Benutzer werden exportiert …</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln Benutzer</numerusform>
            <numerusform>%Ln Benutzer</numerusform>
        </translation>
    </message>
    <message>
        <source>Dis&amp;miss</source>
        <translation>&amp;Ausblenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Reset two-&amp;factor…</source>
        <translation>Zwei-&amp;Faktor zurücksetzen …</translation>
    </message>
    <message>
        <source>Select all &amp;matching</source>
        <translation>Alle &amp;Treffer auswählen</translation>
    </message>
    <message numerus="yes">
        <source>All %Ln matching selected</source>
        <translation>
            <numerusform>Alle %Ln Treffer ausgewählt</numerusform>
            <numerusform>Alle %Ln Treffer ausgewählt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>%Ln ausgewählt</numerusform>
            <numerusform>%Ln ausgewählt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Select all %Ln matching</source>
        <translation>
            <numerusform>Alle %Ln Treffer auswählen</numerusform>
            <numerusform>Alle %Ln Treffer auswählen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>Could not read the users: %1</source>
        <translation>Die Benutzer konnten nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln done</source>
        <translation>
            <numerusform>%Ln erledigt</numerusform>
            <numerusform>%Ln erledigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already so</source>
        <translation>
            <numerusform>%Ln schon so</numerusform>
            <numerusform>%Ln schon so</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused</source>
        <translation>
            <numerusform>%Ln abgelehnt</numerusform>
            <numerusform>%Ln abgelehnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln no longer matching</source>
        <translation>
            <numerusform>%Ln kein Treffer mehr</numerusform>
            <numerusform>%Ln keine Treffer mehr</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not reached (cancelled)</source>
        <translation>
            <numerusform>%Ln nicht erreicht (abgebrochen)</numerusform>
            <numerusform>%Ln nicht erreicht (abgebrochen)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 refused; see the list.</source>
        <translation>%1 von %2 abgelehnt; siehe Liste.</translation>
    </message>
    <message>
        <source>Undoing…</source>
        <translation>Wird rückgängig gemacht …</translation>
    </message>
    <message>
        <source>role change of %1</source>
        <translation>Rollenänderung von %1</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message numerus="yes">
        <source>Enable %Ln user(s)?</source>
        <translation>
            <numerusform>%Ln Benutzer aktivieren?</numerusform>
            <numerusform>%Ln Benutzer aktivieren?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disable %Ln user(s)? They can no longer sign in.</source>
        <translation>
            <numerusform>%Ln Benutzer deaktivieren? Er kann sich nicht mehr anmelden.</numerusform>
            <numerusform>%Ln Benutzer deaktivieren? Sie können sich nicht mehr anmelden.</numerusform>
        </translation>
    </message>
    <message>
        <source>enabling</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>disabling</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message numerus="yes">
        <source>Unlock %Ln user(s)?</source>
        <translation>
            <numerusform>%Ln Benutzer entsperren?</numerusform>
            <numerusform>%Ln Benutzer entsperren?</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke sessions</source>
        <translation>Sitzungen beenden</translation>
    </message>
    <message numerus="yes">
        <source>End every session of %Ln user(s)?</source>
        <translation>
            <numerusform>Alle Sitzungen von %Ln Benutzer beenden?</numerusform>
            <numerusform>Alle Sitzungen von %Ln Benutzern beenden?</numerusform>
        </translation>
    </message>
    <message>
        <source>Reset two-factor</source>
        <translation>Zwei-Faktor zurücksetzen</translation>
    </message>
    <message numerus="yes">
        <source>Turn off two-factor sign-in for %Ln user(s)? They sign in with the password alone until they set it up again.</source>
        <translation>
            <numerusform>Zwei-Faktor-Anmeldung für %Ln Benutzer abschalten? Er meldet sich nur mit dem Passwort an, bis er sie neu einrichtet.</numerusform>
            <numerusform>Zwei-Faktor-Anmeldung für %Ln Benutzer abschalten? Sie melden sich nur mit dem Passwort an, bis sie sie neu einrichten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add role &apos;%1&apos; to %Ln user(s)?</source>
        <translation>
            <numerusform>Rolle „%1“ %Ln Benutzer hinzufügen?</numerusform>
            <numerusform>Rolle „%1“ %Ln Benutzern hinzufügen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove role &apos;%1&apos; from %Ln user(s)?</source>
        <translation>
            <numerusform>Rolle „%1“ von %Ln Benutzer entfernen?</numerusform>
            <numerusform>Rolle „%1“ von %Ln Benutzern entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <source>adding role %1</source>
        <translation>Rolle %1 hinzufügen</translation>
    </message>
    <message>
        <source>removing role %1</source>
        <translation>Rolle %1 entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln user(s)? They can no longer log in; an administrator can restore them.</source>
        <translation>
            <numerusform>%Ln Benutzer löschen? Er kann sich nicht mehr anmelden; ein Administrator kann ihn wiederherstellen.</numerusform>
            <numerusform>%Ln Benutzer löschen? Sie können sich nicht mehr anmelden; ein Administrator kann sie wiederherstellen.</numerusform>
        </translation>
    </message>
    <message>
        <source>deleting</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>Restore %Ln deleted user(s)?</source>
        <translation>
            <numerusform>%Ln gelöschten Benutzer wiederherstellen?</numerusform>
            <numerusform>%Ln gelöschte Benutzer wiederherstellen?</numerusform>
        </translation>
    </message>
    <message>
        <source>restoring</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>Erase %Ln user(s) for good, with their sessions, keys and two-factor settings? This cannot be undone; the audit log keeps the record of the purge.</source>
        <translation>
            <numerusform>%Ln Benutzer endgültig löschen, mit Sitzungen, Schlüsseln und Zwei-Faktor-Einstellungen? Das lässt sich nicht rückgängig machen; das Audit-Protokoll behält den Eintrag der Löschung.</numerusform>
            <numerusform>%Ln Benutzer endgültig löschen, mit ihren Sitzungen, Schlüsseln und Zwei-Faktor-Einstellungen? Das lässt sich nicht rückgängig machen; das Audit-Protokoll behält den Eintrag der Löschung.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows %1–%2 of %3</source>
        <translation>Zeilen %1–%2 von %3</translation>
    </message>
    <message numerus="yes">
        <source>%Ln not reached</source>
        <translation>
            <numerusform>%Ln nicht erreicht</numerusform>
            <numerusform>%Ln nicht erreicht</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed since; left as it is.</source>
        <translation>Inzwischen geändert; bleibt, wie es ist.</translation>
    </message>
</context>
<context>
    <name>keyward::WebhookDeliveriesDialog</name>
    <message>
        <source>Deliveries to %1</source>
        <translation>Zustellungen an %1</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Letzte Antwort</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Zustellungen</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>given up</source>
        <translation>aufgegeben</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>wird wiederholt</translation>
    </message>
    <message>
        <source>webhook-id %1</source>
        <translation>webhook-id %1</translation>
    </message>
    <message>
        <source>Nothing was sent to this endpoint yet.</source>
        <translation>An diesen Endpunkt wurde noch nichts gesendet.</translation>
    </message>
    <message>
        <source>The newest %1 deliveries.</source>
        <translation>Die neuesten %1 Zustellungen.</translation>
    </message>
    <message>
        <source>Queued to be sent again.</source>
        <translation>Zum erneuten Senden eingereiht.</translation>
    </message>
</context>
<context>
    <name>keyward::WebhookDialog</name>
    <message>
        <source>&amp;Send events to it</source>
        <translation>Ereignisse &amp;senden</translation>
    </message>
    <message>
        <source>Edit webhook</source>
        <translation>Webhook bearbeiten</translation>
    </message>
    <message>
        <source>New webhook</source>
        <translation>Neuer Webhook</translation>
    </message>
    <message>
        <source>e.g. https://crm.example.com/hooks/keyward</source>
        <translation>z. B. https://crm.example.com/hooks/keyward</translation>
    </message>
    <message>
        <source>e.g. CRM sync</source>
        <translation>z. B. CRM-Abgleich</translation>
    </message>
    <message>
        <source>An event is an audit action; user.* stands for every action on users, * for all.</source>
        <translation>Ein Ereignis ist eine Audit-Aktion; user.* steht für jede Aktion an Benutzern, * für alle.</translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation>&amp;URL</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>E&amp;vents</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message>
        <source>Reg&amp;ister</source>
        <translation>&amp;Registrieren</translation>
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
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>&amp;New webhook…</source>
        <translation>&amp;Neuer Webhook…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Deli&amp;veries…</source>
        <translation>&amp;Zustellungen…</translation>
    </message>
    <message>
        <source>New &amp;secret…</source>
        <translation>Neues &amp;Geheimnis…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>off: it failed for a day</source>
        <translation>aus: seit einem Tag fehlerhaft</translation>
    </message>
    <message>
        <source>failing since %1</source>
        <translation>fehlerhaft seit %1</translation>
    </message>
    <message>
        <source>Webhook secret</source>
        <translation>Webhook-Geheimnis</translation>
    </message>
    <message>
        <source>Copy the signing secret now and give it to the receiving application, which checks each request&apos;s webhook-signature with it. It is shown only this once.</source>
        <translation>Kopieren Sie das Signaturgeheimnis jetzt und geben Sie es der empfangenden Anwendung, die damit die webhook-signature jeder Anfrage prüft. Es wird nur dieses eine Mal angezeigt.</translation>
    </message>
    <message>
        <source>New webhook secret</source>
        <translation>Neues Webhook-Geheimnis</translation>
    </message>
    <message>
        <source>Give %1 a new secret? Requests are signed with it at once, so the receiver must be given it too.</source>
        <translation>%1 ein neues Geheimnis geben? Anfragen werden sofort damit signiert; der Empfänger muss es also auch erhalten.</translation>
    </message>
    <message>
        <source>New secret</source>
        <translation>Neues Geheimnis</translation>
    </message>
    <message>
        <source>Delete webhook</source>
        <translation>Webhook löschen</translation>
    </message>
    <message>
        <source>Delete %1? Its pending deliveries are dropped.</source>
        <translation>%1 löschen? Seine ausstehenden Zustellungen werden verworfen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
</TS>
