<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the current item…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward could not start:

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward could not listen on %1:
%2

Another program may use this address. Listen on another one (saved to %3):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The installation was already created with the earlier answers (%1); only the administrator is left to create. Change the other answers back, or change them later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is refused too: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyward::ApiKeyDialog</name>
    <message>
        <source>E&amp;xpires on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. billing-sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::ApiKeysPanel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the key %1? Clients using it are refused from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::AuditNames</name>
    <message>
        <source>user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::AuditPanel</name>
    <message>
        <source>Actor (id or type:id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action, e.g. user.create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target (id or type:id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the audit chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Chain intact: %n event(s) checked.</source>
        <translation>
            <numerusform>Chain intact: %n event checked.</numerusform>
            <numerusform>Chain intact: %n events checked.</numerusform>
        </translation>
    </message>
    <message>
        <source>Chain broken at event %1: it was changed or removed outside Keyward.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting audit events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export audit events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events from this day on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events up to the end of this day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::ClientDialog</name>
    <message>
        <source>&amp;Trusted: its users are not asked to consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit client %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidential: a server that keeps a secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public: a browser or native app (PKCE, no secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per line, e.g. https://shop.example.com/callback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret in the Authorization header (client_secret_basic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret in the form (client_secret_post)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own keys (private_key_jwt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redirect URIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reg&amp;ister</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::ClientsPanel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirect URIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confidential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the client secret now and configure the application with it. It is shown only this once: Keyward stores only a hash of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give %1 a new secret? The current one stops working at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1? The application can no longer sign anyone in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::DurationEdit</name>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln second(s)</source>
        <translation>
            <numerusform>%Ln second</numerusform>
            <numerusform>%Ln seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyward::FirstRunWizard</name>
    <message>
        <source>Welcome to Keyward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A few questions set up this installation. Everything can be changed later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward keeps its SQLite database, its key file (if not in the keychain) and its backups here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward cannot write to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where applications reach Keyward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Listen address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ADDRESS:PORT of the REST API. 127.0.0.1 serves this computer only; 0.0.0.0 serves the network (put TLS or a reverse proxy in front).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use ADDRESS:PORT, for example 127.0.0.1:8080.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;SQLite in the data directory (no setup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PostgreSQL (several Keyward nodes share it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to PostgreSQL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL must start with postgresql://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected. Keyward creates its tables there on start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system &amp;keychain (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &amp;file in the data directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Master key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The master key seals secrets in the database (signing keys, TOTP secrets, the SMTP password). Kept in the keychain, a copy of the data directory alone reveals nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account signs in to the API with every permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up Keyward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create and start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward cannot listen on %1 (%2). Another program may use this port: choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing answers at that host and port: is PostgreSQL running and listening there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused this user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user or database in the URL does not exist on that server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host name is unknown: check its spelling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time: a firewall may be in the way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not accept connections from this computer (pg_hba.conf).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encrypted connection failed: check the server&apos;s TLS settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain answers here: no Secret Service (such as GNOME Keyring or KWallet) is running in this session (%1). The key goes to a file in the data directory that only you can read; keep a copy of it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data directory: %1
Listen address: %2
Database: %3
Master key: %4
Administrator: %5 &lt;%6&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite in the data directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file in the data directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep a copy of the master key apart from the database backups: it is the keychain entry &quot;master-key:%1&quot; of &quot;keyward&quot; (Passwords and Keys can show it). Without it, the sealed secrets of a restored database cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep a copy of the master key file %1 apart from the database backups. Without it, the sealed secrets of a restored database cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the answers: Back changes them, Create writes them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::HealthPanel</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::ImportWizard</name>
    <message>
        <source>Keyward users (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keycloak realm export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ory Kratos identities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zitadel users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth0 bulk import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward or Keycloak exports, Ory Kratos, Zitadel or Auth0 users, or a CSV file: the format is found from the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User files (*.json *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first users of the file as they will be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every user checked against the rules, as the import will: nothing is written yet. Import creates those that pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n user(s)</source>
        <translation type="unfinished">
            <numerusform>%1: %n user</numerusform>
            <numerusform>%1: %n users</numerusform>
        </translation>
    </message>
    <message>
        <source>password in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: by password reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argon2 hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bcrypt hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PBKDF2 hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scrypt hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 users shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked: %1 would be created, %2 already there, %3 refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: %1 created, %2 already there, %3 refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n user(s) not checked</source>
        <translation type="unfinished">
            <numerusform>Cancelled: %n user not checked</numerusform>
            <numerusform>Cancelled: %n users not checked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n user(s) not imported</source>
        <translation type="unfinished">
            <numerusform>Cancelled: %n user not imported</numerusform>
            <numerusform>Cancelled: %n users not imported</numerusform>
        </translation>
    </message>
    <message>
        <source>User %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles not in Keyward, not assigned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::ListPanel</name>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::LogTableModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::LogsPanel</name>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) written to %1</source>
        <translation>
            <numerusform>%n line written to %1</numerusform>
            <numerusform>%n lines written to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyward::MainWindow</name>
    <message>
        <source>Keyward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy the address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit Keyward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward is still serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit from the tray icon&apos;s menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward: %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n alert(s)</source>
        <translation>
            <numerusform>⚠ %n alert</numerusform>
            <numerusform>⚠ %n alerts</numerusform>
        </translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::MetricsPanel</name>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5xx %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hash queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4xx %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>429 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::OverviewPanel</name>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users who may sign in; list them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users who may not sign in; list them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts locked after failed logins; the failed logins of the last day in the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted users kept for restoring; list them too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users without a login yet; list by last login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with MFA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of users with a second factor; list users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity, last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>logins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed logins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most failed logins, last 24 hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open to see the failed logins in the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logins in the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions neither revoked nor expired; see Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5xx, last minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of responses that were server errors, client errors and rate-limited; see Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The worst component&apos;s state; see Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signing key age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate it twice a year; see Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backups recorded in the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with MFA (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no requests, last minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>health: %n alert(s)</source>
        <translation>
            <numerusform>health: %n alert</numerusform>
            <numerusform>health: %n alerts</numerusform>
        </translation>
    </message>
    <message>
        <source>5xx · 4xx %1 · 429 %2
of %3 requests, last minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a copy of the database to a file while Keyward goes on serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward backups (*.backup);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up to %1 (%2). The master key is not in the backup: keep a copy of it apart from the backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was not made: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::PasswordDialog</name>
    <message>
        <source>Must change it at the next login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown in clear so that you can hand it over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::Prompt</name>
    <message>
        <source>Export to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::RoleDialog</name>
    <message>
        <source>Edit role %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Permissions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::RolesPanel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in roles cannot be changed; create a custom role instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the role %1? Users holding it lose its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::SecretDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the key now. It is shown only this once: Keyward stores only a hash of it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::SettingsPanel</name>
    <message>
        <source>&amp;Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This &amp;installation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, e.g. https://app.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated addresses or ranges, e.g. 10.0.0.0/8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a &amp;test mail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS private key (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: SQLite in the data directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window keeps Keyward serving in the system tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These options are read at start: saved to %1, they apply after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;installation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policies saved; every node applies them within seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1. Restart Keyward to apply the new options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a test mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a test mail to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending a test mail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward test mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a test mail from Keyward. If you can read it, mail delivery works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test mail sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test mail could not be sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone may register an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent passwords not reusable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse common passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lockout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed logins before a lockout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit requests per client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logins per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browser access (CORS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed origins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail (SMTP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dormant accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable after days without login (0: never)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep events for days (0: forever)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted proxies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin API allowed from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics allowed from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First lockout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest lockout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token lifetime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session idle timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session absolute lifetime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off a protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This turns off a protection against password guessing or abuse for every client. Save anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed, not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln unsaved change(s)</source>
        <translation>
            <numerusform>%Ln unsaved change</numerusform>
            <numerusform>%Ln unsaved changes</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln setting(s) changed and not saved. Save them, or discard the changes?</source>
        <translation>
            <numerusform>%Ln setting changed and not saved. Save them, or discard the changes?</numerusform>
            <numerusform>%Ln settings changed and not saved. Save them, or discard the changes?</numerusform>
        </translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New signing key after days (0: never)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;otate the signing key now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate the signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new signing key for every node? Tokens signed before stay valid until they expire; applications that cache the JWKS fetch it again for the new key id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New signing key %1: every node signs with it from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing key was not rotated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passkeys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a passkey alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relying party id (empty: the public URL&apos;s host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origins (empty: the public URL&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for attestation (who made the authenticator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer a passkey after a password sign-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::StrengthMeter</name>
    <message>
        <source>Password strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::UserDetailPane</name>
    <message>
        <source>Un&amp;lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lockout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-factor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No user selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled (authenticator app)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; must be changed at next login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove &amp;passkey…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passkeys:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passkeys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove passkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the passkey &quot;%1&quot; of %2? It will no longer sign in; do this for an authenticator that is lost or stolen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On one device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n, signing in alone</source>
        <translation>
            <numerusform>%n, signing in alone</numerusform>
            <numerusform>%n, signing in alone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n, after the password</source>
        <translation>
            <numerusform>%n, after the password</numerusform>
            <numerusform>%n, after the password</numerusform>
        </translation>
    </message>
    <message>
        <source>Stored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::UserDialog</name>
    <message>
        <source>Disabled: cannot log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must change the password at next login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: set one later or send a reset mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ttributes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::UserTableModel</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::UsersPanel</name>
    <message>
        <source>Show &amp;deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search username, email or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;isable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En&amp;able</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke &amp;sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remo&amp;ve role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;urge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or more users first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabling users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabling users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting the password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password set; every session of the user has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoking sessions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resetting two-factor sign-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role to add to the selected users:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role to remove from the selected users:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding role %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing role %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purging users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) refused; see the list.</source>
        <translation>
            <numerusform>%n user refused; see the list.</numerusform>
            <numerusform>%n users refused; see the list.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln user</numerusform>
            <numerusform>%Ln users</numerusform>
        </translation>
    </message>
    <message>
        <source>Dis&amp;miss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset two-&amp;factor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all &amp;matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All %Ln matching selected</source>
        <translation>
            <numerusform>All %Ln matching selected</numerusform>
            <numerusform>All %Ln matching selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>%Ln selected</numerusform>
            <numerusform>%Ln selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Select all %Ln matching</source>
        <translation>
            <numerusform>Select all %Ln matching</numerusform>
            <numerusform>Select all %Ln matching</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the users: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln done</source>
        <translation>
            <numerusform>%Ln done</numerusform>
            <numerusform>%Ln done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already so</source>
        <translation>
            <numerusform>%Ln already so</numerusform>
            <numerusform>%Ln already so</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused</source>
        <translation>
            <numerusform>%Ln refused</numerusform>
            <numerusform>%Ln refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln no longer matching</source>
        <translation>
            <numerusform>%Ln no longer matching</numerusform>
            <numerusform>%Ln no longer matching</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not reached (cancelled)</source>
        <translation>
            <numerusform>%Ln not reached (cancelled)</numerusform>
            <numerusform>%Ln not reached (cancelled)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 refused; see the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role change of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Enable %Ln user(s)?</source>
        <translation>
            <numerusform>Enable %Ln user?</numerusform>
            <numerusform>Enable %Ln users?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disable %Ln user(s)? They can no longer sign in.</source>
        <translation>
            <numerusform>Disable %Ln user? They can no longer sign in.</numerusform>
            <numerusform>Disable %Ln users? They can no longer sign in.</numerusform>
        </translation>
    </message>
    <message>
        <source>enabling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Unlock %Ln user(s)?</source>
        <translation>
            <numerusform>Unlock %Ln user?</numerusform>
            <numerusform>Unlock %Ln users?</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>End every session of %Ln user(s)?</source>
        <translation>
            <numerusform>End every session of %Ln user?</numerusform>
            <numerusform>End every session of %Ln users?</numerusform>
        </translation>
    </message>
    <message>
        <source>Reset two-factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Turn off two-factor sign-in for %Ln user(s)? They sign in with the password alone until they set it up again.</source>
        <translation>
            <numerusform>Turn off two-factor sign-in for %Ln user? They sign in with the password alone until they set it up again.</numerusform>
            <numerusform>Turn off two-factor sign-in for %Ln users? They sign in with the password alone until they set it up again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add role &apos;%1&apos; to %Ln user(s)?</source>
        <translation>
            <numerusform>Add role &apos;%1&apos; to %Ln user?</numerusform>
            <numerusform>Add role &apos;%1&apos; to %Ln users?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove role &apos;%1&apos; from %Ln user(s)?</source>
        <translation>
            <numerusform>Remove role &apos;%1&apos; from %Ln user?</numerusform>
            <numerusform>Remove role &apos;%1&apos; from %Ln users?</numerusform>
        </translation>
    </message>
    <message>
        <source>adding role %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removing role %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln user(s)? They can no longer log in; an administrator can restore them.</source>
        <translation>
            <numerusform>Delete %Ln user? They can no longer log in; an administrator can restore them.</numerusform>
            <numerusform>Delete %Ln users? They can no longer log in; an administrator can restore them.</numerusform>
        </translation>
    </message>
    <message>
        <source>deleting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Restore %Ln deleted user(s)?</source>
        <translation>
            <numerusform>Restore %Ln deleted user?</numerusform>
            <numerusform>Restore %Ln deleted users?</numerusform>
        </translation>
    </message>
    <message>
        <source>restoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Erase %Ln user(s) for good, with their sessions, keys and two-factor settings? This cannot be undone; the audit log keeps the record of the purge.</source>
        <translation>
            <numerusform>Erase %Ln user for good, with their sessions, keys and two-factor settings? This cannot be undone; the audit log keeps the record of the purge.</numerusform>
            <numerusform>Erase %Ln users for good, with their sessions, keys and two-factor settings? This cannot be undone; the audit log keeps the record of the purge.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows %1–%2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln not reached</source>
        <translation>
            <numerusform>%Ln not reached</numerusform>
            <numerusform>%Ln not reached</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed since; left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::WebhookDeliveriesDialog</name>
    <message>
        <source>Deliveries to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook-id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent to this endpoint yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest %1 deliveries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued to be sent again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::WebhookDialog</name>
    <message>
        <source>&amp;Send events to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. https://crm.example.com/hooks/keyward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. CRM sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event is an audit action; user.* stands for every action on users, * for all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;vents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reg&amp;ister</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::WebhooksPanel</name>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New webhook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deli&amp;veries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off: it failed for a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failing since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the signing secret now and give it to the receiving application, which checks each request&apos;s webhook-signature with it. It is shown only this once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give %1 a new secret? Requests are signed with it at once, so the receiver must be given it too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1? Its pending deliveries are dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
