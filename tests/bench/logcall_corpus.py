"""Log lines made by the real logging calls of open-source software, with each call's format
string as the truth: a benchmark of template mining on software the miner was not built from.

``tests/bench/logcalls/<system>.jsonl.gz`` holds the logging calls read from each system's
source (format string, verbs, argument expressions or structured keys; see ``SOURCES.md``
there). For a system, :func:`generate` picks events (calls), gives them a skewed frequency, and
renders lines the way the software prints them: printf verbs (Go, C, Python), SLF4J ``{}``
(Java), zap's console fields, klog's quoted ``key="value"`` pairs, logrus' ``msg="..."`` text;
and for the novel split Rust's ``{}``/``{:?}``/``{name}`` with tracing's ``key=value`` fields,
Node.js template literals ``${expr}`` and util.format's ``%s``, JBoss Logging's printf and
MessageFormat ``{0}`` messages after their id (``HHH000412: ``), and zerolog's JSON object;
and for the sixth split java.util.logging's MessageFormat (quotes and number grouping
included, formatted only when the call passes parameters), Postfix's ``msg_warn`` printf after
its severity (``warning: ``), TiKV's unified log format (``["message"] [key=value]``, slog's
fields last to first) and Python's ``%r``; and for the seventh split Telegraf's level
indicator and plugin before a Go printf message (``E! [inputs.cpu] ``), Erlang's io_lib
(``~p`` writing a binary ``<<"db">>``, an atom, a tuple; ``~s``, ``~B``), Ruby's interpolation
``#{expr}`` and ``String#%`` (``%{name}``) after Puppet's level (``Notice: ``), and Perl's
interpolation (``$var``, ``$h->{key}``, ``@list``) and sprintf after SpamAssassin's level and
facility (``dbg: bayes: ``); and for the eighth split .NET's message templates (``{Name}``
bound to parameters by name, ``{Value:F2}``, a sequence joined by ``, ``) and C++ glog streams
(``LOG(INFO) << "text" << expr``, with ``Substitute("... $0", x)`` pieces) and PSR-3's
``{key}`` filled from a context array as MediaWiki's LegacyLogger flattens it, and Elixir's
``#{expr}`` with ``inspect/1``'s terms (``:timeout``, ``{:error, :closed}``) after Logger's
``[warning] `` and its ``car_id=`` metadata; and for the ninth split Kotlin's string templates
(``$roomId``, ``${event.eventId}``) after Element's thread id, Timber's priority and tag
(``D/ /Tag: ``), Python's ``str.format`` and f-strings (``{0}``, ``{path!r}``) after Ansible's
``<host> ``, and Scala's ``s"..."`` with Pekko's ``{}`` after its cluster's
``Cluster Node [address] - ``; and for the tenth split go-kit's logfmt (``msg=...`` among
the call's pairs, in their order, quoted only when it has to be), logr's key/value pairs in
CloudNativePG's zap JSON (``{"msg":"...","key":"value","error":"..."}``), Python's printf after
Patroni's ``INFO: `` and Lua's joined operands after Lsyncd's category (``Normal: ``); and
for the eleventh split the C and C++ printf of smartd and CUPS' scheduler (``[Job 123] `` before
a job's message), fail2ban's Python printf and OpenBao's hclog (``name: message: key=value``);
and for the twelfth split Zig's std.fmt (``{}``, ``{s}``, ``{d:.2}``, ``error.OutOfMemory``)
after Ghostty's ``warning(scope): ``, go-ethereum's terminal format (``key=value`` in the
call's order, numbers grouped, hashes as ``abcdef..123456``), Swift's string interpolation
(``\\(expr)``) as SourceKit-LSP logs it and the shell's ``$x``, ``${x}``, ``$1`` and ``$(cmd)``
in TLP's traces; and for the thirteenth split FoundationDB's trace events (``<Event
Type="..." ID="..." Key="value" />``, a type and details, no sentence), Fluentd's Ruby
messages with their pairs inspected after them (``[warn]: #0 text key="value"``), Icinga 2's
streams after its severity and facility (``warning/ApiListener: ``) and Twisted's
``log.msg`` arguments joined by spaces after Buildbot's ``[-] ``; the fourteenth split brings
no new convention: ZooKeeper's SLF4J, Loki's go-kit pairs, collectd's C printf and BorgBackup's
Python printf, rendered as earlier systems of the same convention are, and neither does the
fifteenth: HBase's SLF4J, Cortex's go-kit pairs and Barman's Python printf; the sixteenth
split brings logrus' JSON formatter, Argo CD's default (an object whose keys are sorted,
``"msg"`` among the fields), and tracing fields whose value is a literal or a string constant
(Vector's ``error_type="request_failed" internal_log_rate_limit=true``), printed as constant
text, beside Open vSwitch's C printf; the seventeenth split brings Kea's isc::log messages (a
message id and its dictionary's text, ``%1`` and ``%2`` filled by ``.arg()``:
``DHCP4_LEASE_ALLOC [hwtype=1 ...], tid=0x...: lease 192.0.2.5 has been allocated for
3600 seconds``) and rclone's ``fs.Logf(o, ...)`` (the object the call names before its Go
printf message, ``photos/2026/img-042.jpg: Copied (new)``), beside Debezium's SLF4J; and
the eighteenth brings no new convention: ExternalDNS's logrus text, Eureka's SLF4J and
Certbot's Python printf, rendered as earlier systems of the same convention are; nor does the
nineteenth: Velero's logrus text, Conductor's SLF4J and cloud-init's Python printf; the
twentieth brings Serilog's rendering of .NET message templates in Jellyfin's file log (a
string value in double quotes, ``Opening "M3U" Live stream from "http://..."``, a number, a
``Guid``, a ``TimeSpan`` or an enum bare), beside Qdrant's Rust ``log`` macros rendered as
Zebra's and Nextcloud Mail's PSR-3 rendered as MediaWiki's; the twentyfirst brings no new
convention: Vagrant's Ruby interpolation ``#{expr}`` after Log4r's level and logger name
(``INFO box_add: ``) rendered as Puppet's, Riak KV's lager io_lib (``~p``, ``~s``, ``~w``)
rendered as CouchDB's (a node named ``riak@...``) and Logflare's Elixir Logger rendered as
TeslaMate's; the twentysecond brings the caller's file and line after a message, constant for
a call (Request Tracker's Log::Dispatch: ``[error]: Couldn't load $Search: $@
(/opt/rt6/share/html/Tools/PreviewSearches.html:140)``, its Perl rendered as
SpamAssassin's), and a label before Node.js messages (Uptime Kuma's ``[MONITOR] INFO: ``,
its template literals rendered as Homebridge's), beside TigerBeetle's Zig ``std.log`` rendered
as Ghostty's (``warning(replica): ``); the twentythird brings no new convention: Zigbee2MQTT's
TypeScript template literals after its winston level and namespace (``info: z2m: ``) rendered
as Uptime Kuma's, Kavita's .NET message templates as Serilog's ``{Message:lj}`` renders them
(a string value bare) rendered as Jellyfin's, and KOReader's Lua operands joined by a space
after its level (``DEBUG ``) rendered as Lsyncd's; the twentyfourth neither: opam's OCaml
``Format`` strings after its debug section (``CURL ``), AppFlowy's Dart string interpolation
as its release build hands it to its Rust core's log (``[Flutter]: ``) and Hammerspoon's
Objective-C ``NSLog`` and LuaSkin formats after its console's prefix (``** Warning: LuaSkin: ``),
each recorded as a printf after a label and rendered as Lsyncd's; the twentyfifth neither:
restic's Go ``debug.Log`` printf formats rendered as Gitea's, Luigi's Python ``logging`` ``%``
formats rendered as Home Assistant's and DolphinScheduler's SLF4J ``{}`` formats rendered as
ZooKeeper's; the twentysixth neither: Harbor's Go printf formats rendered as Gitea's, Keystone's
Python ``logging`` ``%`` formats rendered as Home Assistant's and SeaTunnel's SLF4J ``{}``
formats rendered as ZooKeeper's; the twentyseventh neither: SeaweedFS's Go ``glog`` printf
formats rendered as Gitea's, Cinder's Python ``logging`` ``%`` formats rendered as Home
Assistant's and Apache Ranger's SLF4J ``{}`` formats rendered as ZooKeeper's; the
twentyeighth neither: Rook's Go ``capnslog`` printf formats rendered as Gitea's, OpenStack
Swift's Python ``logging`` ``%`` formats rendered as Home Assistant's and Apache Atlas's SLF4J
``{}`` formats rendered as ZooKeeper's; the twentyninth neither: HashiCorp Nomad's
``hclog`` pairs rendered as Consul's, AWX's Python ``logging`` ``%`` formats rendered as Home
Assistant's and Apache Zeppelin's SLF4J ``{}`` formats rendered as ZooKeeper's; the thirtieth
neither: Grafana Tempo's go-kit logfmt pairs rendered as Loki's, Frigate's Python ``logging``
``%`` formats rendered as Home Assistant's and Narayana's JBoss Logging (``@Message`` methods
after their ``ARJUNA012001: `` id, MessageFormat ``{0}``) rendered as Hibernate's; the
thirtyfirst neither: Garage's Rust ``log`` macros rendered as Qdrant's (a ``{:?}`` hole the
record marks bare, a hash's or an id's hex, unquoted), Suricata's ``SCLogError`` C printf
rendered as collectd's and Duplicati's String.Format ``{0}`` holes rendered as Kavita's
Serilog holes; the thirtysecond neither: M3's zap fields rendered as etcd's, Deluge's Python
``logging`` ``%`` formats rendered as Home Assistant's and Chef's Ruby ``#{expr}`` after its
level (``INFO: ``) rendered as Puppet's and Vagrant's (a resource written as its ``to_s``,
``mount[/mnt/data]``); the thirtythird neither: Longhorn's logrus text rendered as Velero's,
Apache Storm's SLF4J ``{}`` formats rendered as ZooKeeper's and Sequin's Elixir ``#{expr}``
after Logger's ``[warning] `` rendered as Logflare's; the thirtyfourth neither: Harness's
zerolog JSON rendered as Woodpecker's, Cobbler's Python ``logging`` ``%`` formats rendered as
Home Assistant's and Apache Mesos's glog streams rendered as Kudu's; the thirtyfifth neither:
Tekton Pipelines's zap sugared logger rendered as etcd's, Apache Ozone's SLF4J ``{}`` formats
rendered as ZooKeeper's and CKAN's Python ``logging`` ``%`` formats rendered as Home
Assistant's; the thirtysixth neither: SPIRE's logrus fields rendered as Longhorn's, SSSD's C
``DEBUG(level, fmt, ...)`` printf rendered as Suricata's and Kanidm's Rust ``tracing`` macros
rendered as Garage's; the thirtyseventh neither: Apache Helix's SLF4J ``{}`` formats rendered
as ZooKeeper's, OpenStack Manila's Python ``logging`` ``%`` formats rendered as Home
Assistant's and the Postgres Operator's logrus printf rendered as Longhorn's; the thirtyeighth
neither: Vaultwarden's Rust ``log`` macros rendered as Garage's, the Bitwarden server's .NET
``ILogger`` message templates through Serilog's file sink rendered as Jellyfin's and the Nomad
Autoscaler's ``hclog`` pairs rendered as Consul's; the thirtyninth brings log/slog's JSON
handler (Dex's ``{"msg":"config static client","client_name":"example-app"}``: ``"msg"`` first,
then a connector's group as an object, the call's pairs in their order and the pairs Dex adds
from a request's context; a string or an error quoted, a number, a bool, a ``Duration``'s
nanoseconds or a ``[]string`` bare), beside OpenStack Ironic's Python ``logging`` ``%``
formats rendered as Home Assistant's and Apache Ratis's SLF4J ``{}`` formats rendered as
ZooKeeper's; the fortieth brings two: Python ``logging`` with a mapping (OpenStack Heat's
``%(name)s`` filled from the call's dict, ``Volume %(vol)s is detached from server
%(srv)s``; its positional ``%s`` calls rendered as Home Assistant's) and C++20
``std::format`` (Hyprland's ``Log::logger->log(Log::DEBUG, "Attached pointer {} to global",
...)``: ``{}`` a value as it is, ``{:x}`` hex, ``{:.2f}`` fixed), beside Apache Accumulo's
SLF4J ``{}`` formats rendered as ZooKeeper's; the fortyfirst neither: OpenStack Barbican's
Python ``logging`` (``%s`` and ``%(name)s`` with a mapping) rendered as Heat's, Apache
Iceberg's SLF4J ``{}`` formats rendered as ZooKeeper's and Podman's logrus printf rendered as
Longhorn's; the fortysecond brings two: Python's loguru (FlexGet's ``logger.info("Would
extract: {} to {}", info.filename, destination)``: ``str.format``'s ``{}``, ``{0}``,
``{name}``, ``{!r}`` and ``{:.2f}`` filled only when the call passes arguments, the text
printed as it is, braces and all, when it passes none) and kotlin-logging's lambdas (Komga's
``logger.info { "Renaming ${book.path} to $destinationPath" }``: the string template is the
message, with no tag or thread before it), beside CRI-O's logrus printf (its own
``log.Infof(ctx, ...)`` included) rendered as Longhorn's; the fortythird brings one: Python's
structlog (Raiden's ``log.debug("Leaving token network", node=self.checksum_address,
token_address=...)`` as ``structlog.dev.ConsoleRenderer(colors=False)`` prints it: the event
padded to 30 columns, the logger's name in brackets, then each ``key=value`` sorted by key),
beside Buildah's logrus printf rendered as Longhorn's and the OSS Review Toolkit's
log4j-api-kotlin lambdas (``logger.info { "Found license conclusions for $purl" }``) rendered
as Komga's; the fortyfourth brings none: Lima's logrus printf rendered as Longhorn's (Go's
``%#q`` backquoting its value), virt-manager's Python logging (``log.debug("Stopping network
'%s'", net.get_name())``) as Barbican's and Waybar's spdlog calls
(``spdlog::error("{}: Failed to connect to MPD: {}", module_name_, e.what())``, the fmt
library's ``{}``) as Hyprland's ``std::format``; the fortyfifth brings none: the Docker
Engine's (Moby's) logrus printf (``log.G(ctx).WithError(err).Warnf("failed to remove %s",
path)``) rendered as Longhorn's, OpenStack Nova's Python ``logging`` (``%s`` and ``%(name)s``
with a mapping) as Heat's and Apache Drill's SLF4J ``{}`` formats as ZooKeeper's; the
fortysixth brings none: Chef's Ohai's Mixlib::Log calls (``logger.trace("Plugin EC2:
Encountered 404 response retrieving EC2 metadata path: #{path}")``, Ruby's ``#{expr}`` after
its level, ``TRACE: ``) rendered as Chef's, OpenStack Watcher's Python ``logging`` (``%s``
and ``%(name)s`` with a mapping) as Heat's and Apache Gobblin's SLF4J ``{}`` formats as
ZooKeeper's; the fortyseventh brings none: The Foreman's Rails logger calls
(``logger.info "User '#{user.login}' logged in from '#{request.ip}'"``, Ruby's ``#{expr}``;
its ``[level|logger|request] `` header left out as every header is) rendered as Chef's with no
level before the text, OpenStack Glance's Python ``logging`` (``%s`` and ``%(name)s`` with a
mapping) as Heat's and Apache Paimon's SLF4J ``{}`` formats as ZooKeeper's; the fortyeighth
brings none: ManageIQ's ``_log`` calls (``_log.info "SPID=[#{pid_numeric}] not found"``,
Ruby's ``#{expr}``; the ``MIQ(Class#method)`` prefix its log proxy writes before the text left
out as every header is) rendered as Chef's with no level before the text, OpenStack Trove's
Python ``logging`` (``%s`` and ``%(name)s`` with a mapping) as Heat's and Apache Kylin's SLF4J
``{}`` formats as ZooKeeper's; the fortyninth brings none: Apache Amoro's and Apache Tez's SLF4J
``{}`` formats rendered as ZooKeeper's and OpenStack Tacker's Python ``logging`` (``%s`` and
``%(name)s`` with a mapping) as Heat's; the fiftieth brings pingcap (PD's ``pingcap/log``,
zap's ``log.Info("region scatter failed", zap.Uint64("region-id", id), errs.ZapError(err))``
written by its text encoder in TiKV's unified log format: ``["region scatter failed"]
[region-id=12] [error="..."]``, the message and each field in brackets in the call's order, a
message, key or value JSON-encoded only when it must be), with Apache HertzBeat's SLF4J ``{}``
formats rendered as ZooKeeper's and OpenStack Zun's Python ``logging`` (``%s`` and
``%(name)s`` with a mapping) as Heat's; the fiftyfirst brings none: WezTerm's ``log`` crate
macros (``log::error!("Problem updating {} -> {sock}: {err:#}", path)``, Rust's ``{}``, ``{:?}``,
``{name}``) rendered as Garage's, Sonarr's NLog calls (``_logger.Debug("Rename Directory
[{0}] > [{1}]", source, target)``, String.Format's positional holes, every value written as it
is) as Duplicati's, and Cemu's ``cemuLog_log(LogType::Force, "Mounting title {:016x}", id)``
(the fmt library's ``{}``; a zero-padded hex ``{:08x}`` now written to its width) as
Hyprland's std::format; the fiftysecond none either: Databend's ``log`` crate macros
(``info!("infer schema from file {}, with stat {:?}", path, stat)``) as Garage's, OBS Studio's
``blog(LOG_WARNING, "no matching font for '%s' found", family)`` (C printf, ``"%" PRIu64``
read as glibc's ``%lu``) as PostgreSQL's and PhotoPrism's logrus calls (``log.Infof("sync:
downloading from %s", a.AccName)``, a Go printf on logrus's text formatter) as Lima's; the
fiftythird none either: LXC's ``DEBUG("Instantiated veth tunnel \"%s <--> %s\"", veth1,
veth2)`` (C printf) as PostgreSQL's, Skaffold's ``log.Entry(ctx).Debugf("Running command: %s",
cmd.Args)`` (a Go printf on logrus's text formatter, the entry's ``subtask=`` and ``task=``
fields after the message) as Lima's and Firecracker's ``log`` crate macros
(``error!("virtio-mem: Failed to plug range: {}", err)``) as Garage's; the fiftyfourth none
either: RustDesk's ``log`` crate macros (``log::error!("fuse: parent not found")``) as
Garage's, tmux's ``log_debug("%s: -%c = %s", __func__, flag, s)`` (C printf, ``__func__``
written into the format as its function's name) as PostgreSQL's and nerdctl's
``log.G(ctx).Debugf("Loading config from %q", tomlPath)`` (containerd's logrus ``log.L`` and
``log.G(ctx)``, a Go printf on logrus's text formatter) as Lima's; the fiftyfifth none
either: espanso's ``log`` crate macros (``error!("unable to register hotkey: {}", hk)``) as
Garage's, Dependabot's ``Dependabot.logger.info("Requirements to unlock
#{requirements_to_unlock}")`` (a Ruby string with its interpolations) as Foreman's and
BuildKit's ``bklog.G(ctx).Debugf("failed to get next free loop device: %v", err)``
(containerd's logrus entries as BuildKit wraps them, a Go printf on logrus's text formatter) as
Lima's; the fiftysixth none either: Zellij's ``log`` crate macros (``log::error!("Failed to find
pane with id: {:?}", pane_id)``) as Garage's, Greenshot's log4net calls
(``Log.InfoFormat("Released Mutex {0} for {1}", _mutexId, _resourceName)``, String.Format's
positional holes, every value written as it is) as Sonarr's and SABnzbd's Python ``logging``
``%`` formats (``logging.info("Attempting to add %s [%s]", filename, path)``) as Home
Assistant's; the fiftyseventh none either: shadPS4's ``LOG_ERROR(Lib_Http, "(STUBBED) called
libhttpCtxId={}, num={}", libhttpCtxId, num)`` (the fmt library's holes) as Cemu's, librespot's
``log`` crate macros (``warn!("Rate limiting, retrying in {} seconds...", secs)``) as Garage's
and Mopidy's Python ``logging`` ``%`` formats (``logger.info("Limiting history to %s tracks",
count_max)``) as Home Assistant's; the fiftyeighth none either: JabRef's SLF4J calls
(``LOGGER.debug("Importing file from locaiton {}", location)``) as HertzBeat's,
NetNewsWire's ``os.Logger`` calls (``Self.logger.info("NewsBlur: Syncing folders with
\\(folders.count) folders")``, Swift's string interpolation) as SourceKit-LSP's and rebar3's
``?WARN("No entry for profile ~ts in config.", [Profile])`` (io_lib's ``~`` controls) as
Riak's; the fiftyninth none either: ddclient's Perl calls (``warning("cannot open file: $!")``,
Perl's interpolation, and ``debug("CURL Tempfile: %s", $tmpfile)``, sprintf) as
SpamAssassin's, MagicMirror's ``Log.log(`Starting node helper for: ${this.name}`)``
(template literals) as Homebridge's and acme.sh's ``_info "Downloading $target"`` (the shell's
expansions) as TLP's; the sixtieth none either: OctoPrint's Python logging
(``logger.info("Added settings overlay from plugin %s", name)``) as Home Assistant's, JMeter's
SLF4J (``log.debug("writeOutput() -> output successfully written to file: {}", filename)``) as
Cassandra's and act's logrus printfs (``log.Debugf("Loading secrets from %s",
input.Secretfile())``) as containerd's; the sixtyfirst none either: pghoard's Python logging
(``self.log.info("Creating a new basebackup for %r due to request", site)``) as Home
Assistant's, Nutch's SLF4J (``LOG.info("Fetcher: maximum outlinks to follow: {}",
totalOutlinksToFollow)``) as Cassandra's and k3d's logrus printfs (``l.Log().Infof("Cluster
'%s' created successfully!", clusterConfig.Name)``) as containerd's; the sixtysecond none
either: sway's ``sway_log(SWAY_DEBUG, "Adding keyboard %s to group %p", ...)`` (C printf) as
PostgreSQL's, youki's tracing macros (``tracing::error!(?path, ?err, "failed to canonicalize
root path")``, fields after the message) as Vector's and myhoard's Python logging
(``self.log.info("Uploading basebackup to %s", storage_file_name)``) as Home Assistant's; the
sixtythird none either: labwc's ``wlr_log(WLR_DEBUG, "Executing [%s]: %s", ...)`` (C printf,
wlroots' logger) as PostgreSQL's, stratisd's ``log`` crate macros (``warn!("Failed to wipe
cache device {}: {e}", path.display())``) as Garage's and Solaar's Python logging
(``logger.warning("read failed, assuming handle %r no longer available", handle)``) as Home
Assistant's; the sixtyfourth none either: picom's ``log_error("Failed to open custom shader
file: %s", path)`` (C printf, its own logger) as PostgreSQL's, niri's tracing macros
(``warn!("error spawning the AccessKit adapter thread: {err:?}")``) as Vector's and qtile's
Python logging (``logger.error("IdleTimer command error %s: %s", action.name, val)``) as Home
Assistant's; the sixtyfifth none either: Apache MINA SSHD's SLF4J (``log.info("Session {}@{}
authenticated", username, networkSession.getRemoteAddress())``) as Cassandra's, Cloud
Hypervisor's ``log`` crate macros (``error!("Error applying seccomp filter: {e:?}")``) as
Garage's and Lutris' Python logging (``logger.info("Importing %s to %s", file_path,
dest_dir)``) as Home Assistant's; the sixtysixth none either: cAdvisor's klog printf
(``klog.V(2).Infof("cAdvisor running in container: %q", selfContainer)``) as the kubelet's,
TuneD's Python logging (``log.critical("cannot write the PID to %s: %s" % (self._pid_file,
str(error)))``) as Home Assistant's and kanata's ``log`` crate macros
(``log::error!("error setting clipboard: {e:?}")``) as Garage's; the sixtyseventh none
either: minikube's klog printf (``klog.Infof("createHost starting for %q (driver=%q)", n.Name,
cfg.Driver)``) as the kubelet's, MusicBrainz Picard's Python logging (``log.debug("Album %s
already loaded.", album_id)``) as Home Assistant's and Apache Pinot's SLF4J
(``LOGGER.info("Adding schema: {} with override: {}", schemaName, override)``) as Cassandra's;
the sixtyeighth none either: PipeWire's ``pw_log_warn("%p: error loading config '%s': %m",
conf, path)`` (C printf, its own logger; ``%m`` errno's text) as PostgreSQL's, uv's tracing
macros (``debug!("Found credentials in native store for {url}")``) as Vector's and Anaconda's
Python logging (``log.info("Loading information about profiles from %s.", config_dir)``) as
Home Assistant's; the sixtyninth none either: Cluster Autoscaler's klog printf
(``klog.V(1).Infof("Releasing taint %+v on node %v", taint, node.Name)``) as the kubelet's,
Apache Hive's SLF4J (``LOG.debug("Adding base directory {} to dirs to search", baseDir)``) as
Cassandra's and OpenTTD's fmt-library macros (``Debug(driver, 1, "Successfully probed {} driver
'{}'", GetDriverTypeName(type), d->name)``) as shadPS4's; the seventieth none either:
wpa_supplicant's ``wpa_printf(MSG_DEBUG, "Removed BSSID " MACSTR " from ignore list",
MAC2STR(bssid))`` (C printf, MACSTR's six ``%02x``) as PostgreSQL's, pip's Python logging
(``logger.debug("Skipping link: %s: %s", detail, link)``) as Home Assistant's and Cargo's
tracing macros (``trace!("activating {}", candidate_pid)``) as Vector's; the seventyfirst none
either: K3s's logrus printf (``logrus.Infof("Preparing data dir %s", dir)``) as k3d's, Apache
Hudi's SLF4J (``logger.error("Owner {}: Audit service failed to close.", ownerId, e)``) as
Hive's and ESPHome's Python logging (``_LOGGER.warning("Command timed out: %s", " ".join(cmd))``)
as Home Assistant's; the seventysecond none either: mise's ``log`` crate macros
(``debug!("linked rustup {alias} to {dated}")``) as kanata's (Garage's), Apache Seata's SLF4J
(``LOGGER.info("will connect to {}", serverAddress)``) as Hudi's and MLflow's Python logging
(``_logger.exception("Failed to claim job %s", job.job_id)``) as Home Assistant's; the
seventythird none either: broot's log crate macros (``debug!("not
summing special path {entry_path:?}")``) as Garage's, fwupd's GLib ``g_debug("client %s added",
fu_client_get_sender(client))`` (C printf) as PostgreSQL's and MPD's fmt-library
``FmtDebug(storage_domain, "Restoring mount {} => {}", uri, url)`` as OpenTTD's; the
seventyfourth none either: Apache Jackrabbit Oak's SLF4J (``log.info("[{}] Deleted checkpoint
{}", name, cp)``) as Seata's, Apprise's Python logging (``self.logger.warning("Could not access
Discord attachment %s.", attachment.url(privacy=True))``) as Home Assistant's and probe-rs's
tracing macros (``tracing::debug!("Enabling breakpoints: {:?}", state)``) as Cargo's; the
seventyfifth none either: Dovecot's ``i_error("open(%s) failed: %m", path)`` (C printf, %m
errno's text) as PostgreSQL's, VictoriaMetrics's ``logger.Infof("opening storage at %q with
-retentionPeriod=%s", *storageDataPath, retentionPeriod)`` (its own Go printf logger) as
SeaweedFS's and Apache NiFi's SLF4J (``LOG.info("Stopping {}", procNode)``) as Seata's; the
seventysixth none either: Apache Samza's SLF4J (``LOG.info("Re-writing config with {}",
rewriter)``) as Seata's, DataLad's Python logging (``lgr.info("Ignoring unavailable subdataset
%s", sub)``) as Home Assistant's and Forest's tracing macros (``warn!("unban_peer err: {e}")``)
as Cargo's; the seventyseventh none either: lnd's btclog printf
(``log.Infof("ChannelArbitrator(%v): still awaiting contract resolution", c.cfg.ChanPoint)``)
as SeaweedFS's, Apache Flume's SLF4J (``logger.info("Restarting in {}ms, exit code {}",
restartThrottle, exitCode)``) as Seata's and pyOCD's Python logging (``LOG.warning("unable to
open builtin SVD file: %s", err)``) as Home Assistant's; the seventyeighth none either:
Apache Phoenix's SLF4J (``LOGGER.info("Upserting SQL data with {}", upsertSql)``) as Seata's,
btcd's btclog printf (``log.Tracef("Added new address %s for a total of %d addresses", addr,
a.nTried+a.nNew)``) as SeaweedFS's and Toil's Python logging (``log.info("Overriding %s of %s
with %s from %s.", name, defaultValue, value, envName)``) as Home Assistant's; the seventyninth
none either: Hickory DNS's tracing macros (``info!("zone successfully loaded: {zone_name}")``)
as Cargo's, Apache IoTDB's SLF4J (``LOGGER.warn("Invalid lock time value ({}), reset to
default (10 minutes)", passwordLockTimeMinutes)``) as Seata's and PyInstaller's Python logging
(``logger.debug("Writing RT_ICON %d resource with %d bytes", iconid, len(data))``) as Home
Assistant's; the eightieth none either: Lotus's go-log printf (``log.Debugf("not allocating on
%s, didn't receive heartbeats for %s", p.info.ID, time.Since(p.lastHeartbeat))``) as
SeaweedFS's, Flowable's SLF4J (``LOGGER.info("adding v5 process definition with id: {} and
key: {} for redeployment", processDefinition.getId(), processDefinition.getKey())``) as
Seata's and Apache Superset's Python logging (``logger.error("Error processing tag '%s' for %s
ID %d: %s", tag_name, object_type, object_id, err)``) as Home Assistant's; the eightyfirst
none either: Agave's (the Solana validator's) log macros (``debug!("bank_slot {bank_slot:?} is
marked dead")``) as Cargo's, JanusGraph's SLF4J (``log.warn("Discarded expired claim on {} with
timestamp {}", kc, tr.getTimestamp())``) as Seata's and Radicale's Python logging
(``logger.warning("IMAP authentication failed for user %r: %s", imaplogin, e)``) as Home
Assistant's; the eightysecond none either: OpenSearch's Log4j 2 (``logger.info("Running cleanup
operations on repository [{}][{}]", repositoryName, repositoryStateId)``) as Seata's SLF4J,
Apache Airflow's Python logging (``log.warning("Failed to parse [%s] %s as JSON, defaulting to
no kwargs.", section, kwargs_key)``) as Home Assistant's and Apache DataFusion Ballista's
scheduler's log macros (``info!("history server: {} job(s) added, {} removed", stats.added,
stats.removed)``) as Cargo's; the eightythird none either: Apache HugeGraph's SLF4J
(``LOG.info("Opening backend store '{}' in raft mode for graph '{}'", backend, graph)``) as
Seata's, Nautobot's Python logging (``logger.warning("Filter \"%s\" on %s is not GraphQL safe,
and will be omitted", filter_name, filterset_class.__name__)``) as Home Assistant's and
OpenTofu's standard library log.Printf with hclog's level prefix (``log.Printf("[WARN] Failed
to get credentials for %s: %s (ignoring)", b.hostname, err)``) as SeaweedFS's Go printf; the
eightyfourth none either: Apache Directory Server's SLF4J (``LOG.warn("Client with existing lease
{} is out of valid range for subnet {}", lease, subnet)``) as Seata's, Prefect's Python logging
(``logger.info("Created sidecar zip with %d files (key: %s)", len(filtered.included_files),
files_key)``) as Home Assistant's and the Buildkite Agent's logger (``l.Infof("Declared promised
exit status %d for job %s", exitStatus, jobID)``) as SeaweedFS's Go printf; the eightyfifth none
either: Pinpoint's collector's Log4j 2 (``logger.warn("Packet deserialize error.
SendSocketAddress:{} Cause:{}", packet.getSocketAddress(), e.getMessage(), e)``) as Seata's
SLF4J, JupyterHub's Python logging (``self.log.warning("User %s is slow to start (timeout=%s)",
user_server_name, self.slow_spawn_timeout)``) as Home Assistant's and CFSSL's log package
(``log.Warningf("error parsing url %s: %v", url, err)``) as SeaweedFS's Go printf; the
eightysixth none either: Apache Syncope's SLF4J (``LOG.warn("Requesting propagation for {} but no
propagation mapping provided for {}", AnyTypeKind.USER.name(), account.getResource())``) as
Seata's, Zuul's Python logging (``self.log.info("Started Kubectl port forward on ports %s and %s
with process group %s", self.port1, self.port2, pgid)``) as Home Assistant's and Packer's
standard library log.Printf, its level prefix printed as written (``log.Printf("[ERROR] failed to
send heartbeat for build %q: %s", build, err)``), as SeaweedFS's Go printf; the eightyseventh none
either: Apache Tika's SLF4J (``LOG.warn("pipesClientId={} server response timeout: {} in {} ms",
pipesClientId, t.getId(), millis)``) as Seata's, Errbot's Python logging (``log.info("Reconnecting
in %d seconds (%d attempted reconnections so far).", self._reconnection_delay,
self._reconnection_count)``) as Home Assistant's and WAL-G's tracelog loggers
(``tracelog.InfoLogger.Printf("starting importing backup files for %v from %v", dbname,
backupFiles)``) as SeaweedFS's Go printf; the eightyeighth none either: Apicurio Registry's
SLF4J (``log.warn("Duplicate globalId {} detected, skipping import of artifact version: {}",
ex.getGlobalId(), entity)``) as Seata's, Alacritty's ``log`` crate macros (``warn!("Unable to
launch {program} with args {args:?}: {err}")``) as Cargo's and the Appium XCUITest driver's
logger (``this.log.debug(`Installing '${app}' on the device with UUID '${device.udid}'`)``,
template literals) as Homebridge's; the eightyninth none either: Blivet's Python logging
(``log.info("adjusting device size from %s to %s", self.device.size, size)``) as Home
Assistant's, Starship's ``log`` crate macros (``log::trace!("Executing command {cmd:?} with args
{args:?}")``) as Cargo's and fastlane's ``UI.message("Updating '#{expansion_file_type}'
expansion file from version '#{references_version}'...")`` (a Ruby string with its
interpolations) as Foreman's; the ninetieth none either: SOFAJRaft's SLF4J (``LOG.info("Describing
raft nodes with signal: {} to file: {}.", signalName, file)``) as Seata's, KIWI's Python logging
(``log.info('--> Selected build type: %s', self.boot_xml_state.get_build_type_name())``) as
Home Assistant's and
rustic's ``log`` crate macros (``warn!("ignoring error when loading parent tree {tree_id:?}:
{}", err.display_log())``) as Cargo's; the ninetyfirst none either: Syft's Go printf
(``log.Debugf("checking if a new version of %s is available", id.Name)``) as SeaweedFS's,
Sopel's Python logging (``LOGGER.exception("Error in %s setup: %s", name, e)``) as Home
Assistant's and the Appium UiAutomator2 driver's logger (``this.log.info(`Starting
'${this.opts.appPackage}' directly on the device`)``, template literals) as Homebridge's; the
ninetysecond none either: Apache Unomi's SLF4J (``logger.info("Update with query and script
processed {} entries in {}.", response.getUpdated(), response.getTook().toString())``) as
Seata's, Designate's Python logging (``LOG.debug("Checking if %s belongs in any of %s
subzones", recordset_name, zone.name)``) as Home Assistant's and eksctl's Go printf
(``logger.Info("deleting EKS cluster %q", meta.Name)``, kris-nova/logger) as SeaweedFS's; the
ninetythird none either: BlueZ's C printf (``btd_error(adapter->dev_id, "Failed to set local
name: %s (0x%02x)", mgmt_errstr(status), status)``) and lldpd's (``log_warn("lldpctl",
"cannot open lock %s", lockname)``, its errno's text after ``: ``, %m) as PostgreSQL's, Ceilometer's
Python logging (``LOG.debug("Loaded endpoints [%s] for manager [%s].", endpoint,
pipe_mgr)``) as Home Assistant's; the ninetyfourth none either: OpenRCT2's C++ printf
(``LOG_ERROR("Failed to open configured language: %s", e.what())``) as PostgreSQL's, Neutron's
Python logging (``LOG.info("Loaded agent extensions: %s", self.names())``) as Home Assistant's
and Dgraph's Go glog (``glog.Errorf("Unable to discard transaction:%v", err)``) as SeaweedFS's;
the ninetyfifth none either: Pacemaker's C printf (``pcmk__warn("Ignoring malformed CIB update
(%s at %s has no result)", op, xpath)``) as PostgreSQL's, Apache SkyWalking's SLF4J
(``log.warn("Baseline service is not set up, return empty list.")``, Lombok's log) as Seata's
and Ruffle's tracing macros (``tracing::error!("Failed to parse loader URL when extracting
query parameters: {}", e)``) as Cargo's; the ninetysixth none either: multipath-tools' C printf
(``condlog(3, "No matching alias [%s] in bindings file.", alias)``, its level the first
argument) as PostgreSQL's, Vitrage's Python logging (``LOG.info("Full WSGI config used: %s",
cfg_path)``) as Home Assistant's and Atuin's tracing and log macros (``warn!("...: {}",
e)``) as Cargo's; the ninetyseventh none either: Apache Ambari's SLF4J (``LOG.info("LockArea {}
is {}", ...)``) as Seata's, JuiceFS's Go printf on its logrus entry (``logger.Fatalf("Failed to
open file %q: %s", fname, err)``) as SeaweedFS's and Z-Wave JS UI's winston logger
(``logger.info(`Express 'trust proxy' set to: ${value}`)``, template literals) as Homebridge's;
the ninetyeighth none either: HAPI FHIR's SLF4J (``ourLog.info("Submitting bulk import with
bijob id {} to job scheduler", biJobId)``) as Seata's, Mistral's Python logging
(``LOG.debug("Update action(s) [definition=%s]", definition)``) as Home Assistant's and
watchexec's tracing macros (``error!("failed to send synthetic quit event: {e}")``) as Cargo's;
the ninetyninth none either: open-iscsi's C printf (``log_error("unexpected SendTargets data:
%s", text)``) and Avahi's (``avahi_log_warn("Failed to add browse domain RR: %s",
avahi_strerror(s->error))``) as PostgreSQL's and rqlite's Go printf on its standard library
logger (``s.logger.Printf("error writing batch to FIFO: %v", err)``) as SeaweedFS's;
the hundredth none either: the Java Operator SDK's SLF4J (``log.info("New leader with identity:
{}", leader)``) as Seata's, Kuryr-Kubernetes' Python logging (``LOG.debug("Exception while
checking ports_pool_max. Exception: %s", e)``) as Home Assistant's and Network UPS Tools' C
printf (``upslogx(LOG_ERR, "UPS name [%s] is already in use!", name)``) as PostgreSQL's; the
hundredfirst none either: LVM2's C printf (``log_error("Logical volume %s in use.",
display_lvname(lv))``) and tgt's (``eprintf("can't ack tgtd, %m")``) as PostgreSQL's and
Senlin's Python logging (``LOG.info("Deleting cluster %s", req.identity)``) as Home
Assistant's; the hundredsecond none either: tcmu-runner's C printf (``tcmu_dev_err(dev, "Could
not get alua group %s.", group)``) and Corosync's (``log_printf(LOGSYS_LEVEL_DEBUG, "shutdown
decision is: ...")``) as PostgreSQL's and OS-Ken's Python logging (``LOG.debug("stale dpid %s",
dpid)``) as Home Assistant's; the hundredthird none either: linuxptp's C printf
(``pr_err("Unsupported fault interval type %d", type)``) as PostgreSQL's and Calibre-Web's
and CloudKitty's Python logging (``log.debug("Update of Cover cache requested")``) as Home
Assistant's; the hundredfourth none either: FRRouting's C printf (``flog_err(EC_LIB_SYSTEM_CALL,
"Failed to get FD settings fcntl: %s(%d)", strerror(errno), errno)``) as PostgreSQL's, jBPM's
SLF4J (``logger.debug("Sending message: {}", workItem.getParameter("Message"))``) as Seata's
and Gnocchi's Python logging (``LOG.debug("Resource type %s already exists", ...)``) as Home
Assistant's; the hundredfifth none either: PPSSPP's C++ printf (``ERROR_LOG(Log::G3D, "Error
while encoding video: %d", error)``) as OpenRCT2's, the ioBroker js-controller's logger
(``this._logger.error(`${this.namespaceLog} Cannot find directory of adapter ${this.name}`)``,
template literals) as Z-Wave JS UI's and PowerJob's SLF4J (Lombok's ``log``) as Apache
SkyWalking's; the hundredsixth none either: Boulder's Go printf (``logger.Errf("parsing CRL %q
failed: %s", u, err)``) as lnd's, Apache StreamPipes' SLF4J (``LOG.info(...)``) as Seata's and
Galaxy's Python logging (``log.info("Submitted Batch job %s, operation: %s", ...)``) as Home
Assistant's; the hundredseventh none either: xrdp's C printf (``LOG(LOG_LEVEL_ERROR, ...)``, its
level the first argument) as PostgreSQL's, NodeBB's winston logger (``winston.warn(`...${x}`)``,
template literals) as Z-Wave JS UI's and Deno's log crate (``log::warn!("Icon '{}' is not .ico,
skipping", ...)``) as watchexec's; the hundredeighth none either: Apache Gravitino's SLF4J
(``LOG.info("...{}", ...)``) as Seata's, VDSM's Python logging (``self.log.info("... %s",
...)``) as Home Assistant's and IdentityServer4's ILogger message templates
(``_logger.LogDebug("Origin {origin} is allowed: {originAllowed}", origin, isAllowed)``) as the
Bitwarden server's; the hundredninth none either: rsyslog's C printf (``LogError(0,
RS_RET_ERR, "...%s", ...)``, the format its third argument) as PostgreSQL's, Wiki.js' winston
logger (``WIKI.logger.info(`...${x}`)``, template literals) as Z-Wave JS UI's and Apptainer's
Go printf (``sylog.Debugf("...%s", ...)``) as lnd's; the hundredtenth none either: Apache
Uniffle's SLF4J (``LOG.info("...{}", ...)``) as Seata's, FreeIPA's Python logging
(``logger.debug("... %s", ...)``) as Home Assistant's and Ombi's ILogger message templates
(``_logger.LogInformation("... {Name} ...", name)``) as the Bitwarden server's; the
hundredeleventh none either: crosvm's log macros (``error!("...{}", ...)``, bare or
``base::``) as watchexec's, Etherpad's log4js logger (``logger.warn(`...${x}`)``, template
literals) as Z-Wave JS UI's and Kopia's Go printf (``log(ctx).Infof("...%v", ...)``) as lnd's;
the hundredtwelfth none either: Apache Celeborn's SLF4J (``logger.warn("...{}", ...)``) as
Seata's, Ganeti's Python logging (``logging.info("...%s", ...)``) as Home Assistant's and
win-acme's Serilog message templates (``_log.Debug("... {Name} ...", name)``) as the Bitwarden
server's; the hundredthirteenth none either: k0s' Go printf (``logrus.Infof("...%s", ...)``) as
lnd's, Habitat's log macros (``debug!("...{}", ...)``) as watchexec's and Overseerr's winston
logger (``logger.info(`...${x}`, { label })``, template literals, the meta object left out) as
Z-Wave JS UI's; the hundredfourteenth none either: Apache Polaris' SLF4J
(``LOGGER.debug("...{}", ...)``) as Seata's, Subiquity's Python logging
(``log.debug("...%s", ...)``) as Home Assistant's and ErsatzTV's ILogger message templates
(``_logger.LogDebug("... {Name} ...", name)``) as the Bitwarden server's; the hundredfifteenth
none either: snapd's Go printf (``logger.Noticef("...%v", ...)``) as lnd's, Quickwit's tracing
macros (``info!("...{}", ...)``, format strings only, the calls with fields left out) as
watchexec's and DVC's Python logging (``logger.debug("...%s", ...)``) as Home Assistant's; the
hundredsixteenth none either: Apache Linkis' SLF4J (``logger.info("...{}", ...)``) as Seata's,
curtin's Python logging (``LOG.debug("...%s", ...)``) as Home Assistant's and EventStoreDB's
Serilog message templates (``Log.Information("... {Name} ...", name)``) as the Bitwarden
server's; the hundredseventeenth none either: Ceph CSI's klog wrappers
(``log.ErrorLog(ctx, "...%s", ...)``, the context's request ids left out) Go printf as lnd's,
Nydus' log macros (``warn!("...{}", ...)``) as watchexec's and matrix-appservice-irc's winston
loggers (``log.info("...%s", ...)``, util.format verbs and template literals) as Z-Wave JS UI's;
the hundredeighteenth none either: Apache BookKeeper's SLF4J (``LOG.info("...{}", ...)``) as
Seata's, Klipper's Python logging (``logging.info("...%s", ...)``) as Home Assistant's and
Wabbajack's ILogger message templates (``_logger.LogInformation("... {Name} ...", name)``) as
the Bitwarden server's; the hundrednineteenth none either: CubeFS' Go printf
(``log.LogErrorf("...%v", ...)``) as lnd's, ClamAV's C printf (``cli_errmsg("...%s", ...)``,
``logg(LOGG_INFO, ...)``, the line break ending each format dropped) as PostgreSQL's and
OpenEthereum's log macros (``trace!(target: "sync", "...{}", ...)``, the target left out) as
watchexec's; the hundredtwentieth none either: DSpace's Log4j 2 (``log.info("...{}", ...)``) as
Seata's, os-brick's Python logging (``LOG.debug("...%s", ...)``) as Home Assistant's and Knot
DNS' C printf (``log_zone_error(zone, "...%s", ...)``, the zone's bracketed name left out) as
PostgreSQL's; the hundredtwentyfirst none either: gocryptfs' Go printf
(``tlog.Warn.Printf("...%v", ...)``) as lnd's, Pijul's log macros (``debug!("...{:?}", ...)``)
as watchexec's and Exceptionless' ILogger message templates (``_logger.LogInformation("...
{Name} ...", name)``) as the Bitwarden server's; the hundredtwentysecond none either: Apache
Jena's SLF4J (``log.info("...{}", ...)``) as Seata's, Trac's Python logging
(``self.log.debug("...%s", ...)``) as Home Assistant's and Homebrew's ``ohai``/``opoo``/``odie``
(``opoo "...#{x}..."``) Ruby strings as fastlane's; the hundredtwentythird none either:
Unleash's log4js loggers (``this.logger.info(`...${x}`)``) as Z-Wave JS UI's, Proxmox Backup
Server's log macros (``log::info!("...{}", ...)``) as watchexec's and the Nexus Mods app's
ILogger message templates (``_logger.LogInformation("...{Name} ...", name)``) as the Bitwarden
server's; the hundredtwentyfourth none either: Nacos' SLF4J (``Loggers.RAFT.info("...{}", ...)``)
as Seata's, Perkeep's Go printf (``log.Printf("...%v", ...)``) as gocryptfs' and PulseAudio's
C printf (``pa_log_debug("...%s", ...)``) as Knot DNS'; the hundredtwentyfifth none either:
Kallithea's Python logging (``log.debug("...%s", ...)``) as Home Assistant's, ModemManager's C
printf (``mm_obj_dbg(self, "...%s", ...)``, the object's bracketed name a header) as Knot DNS'
and WriteFreely's Go printf (``log.Error("...%v", ...)``) as gocryptfs'; the
hundredtwentysixth none either: OpenMRS' SLF4J (``log.debug("...{}", ...)``) as Seata's,
Limnoria's Python logging (``self.log.info("...%s", ...)``) as Home Assistant's and .NET
Aspire's ILogger message templates (``logger.LogDebug("...{Name} ...", name)``) as the
Bitwarden server's; the hundredtwentyseventh none either: Grin's log macros
(``debug!("...{}", ...)``) as watchexec's, Apache DevLake's Go printf (``logger.Info("...%s",
...)``) as gocryptfs' and Gladys Assistant's tracer loggers (``logger.info(`...${x}`)``) as
Z-Wave JS UI's.
Each value is drawn by what its argument is (an error, a path, a state, a list, a name with a
number in it...), judged from its verb and the argument's name; values repeat as they do in
real logs (a state has a few values, a counter is new every time).

The truth of a line is its format with every value written ``<*>`` (the constant text, quotes
and keys stay), corrected with the Loghub-2.0 rules as the Loghub samples are.

Systems are split in thirty: ``tuning`` (looked at while the miner is changed), ``held-out``
(only summary rows are read), ``fresh`` (added after the miner was changed for this
benchmark and measured once, to replace held-out rows that had led to changes), ``unseen``
(added once all three had been looked at, never run through a miner before their first
measurement), ``novel`` (added once the miner had been tuned with all four looked at, of
logging conventions and languages the others lack, never run through a miner before their
first measurement), ``sixth`` (added once the miner had been tuned with all five looked at,
never run through a miner before its first measurement) and ``seventh`` (added once the miner
had been tuned with all six looked at, of three languages and four conventions the others lack,
never run through a miner before its first measurement) and ``eighth`` (added once the miner had
been tuned with all seven looked at, of languages and conventions the others lack, never run
through a miner before its first measurement) and ``ninth`` (added once the miner had been
tuned with all eight looked at, of conventions the others lack and two languages new to the
corpus, never run through a miner before its first measurement) and ``tenth`` (added once the
miner had been tuned with all nine looked at, never run through a miner before its first
measurement) and ``eleventh`` (added once the miner had been tuned with all ten looked at, of
everyday daemons, never run through a miner before its first measurement) and ``twelfth``
(added once the miner had been tuned with all eleven looked at, of conventions the others lack
and three languages new to the corpus, never run through a miner before its first
measurement) and ``thirteenth`` (added once the miner had been tuned with all twelve looked at,
of software a platform team runs, never run through a miner before its first measurement) and
``fourteenth`` (added once the miner had been tuned with all thirteen looked at, of everyday
software a platform team runs in four languages, never run through a miner before its first
measurement) and ``fifteenth`` (added once the miner had been tuned with all fourteen looked at,
of a database, a metrics store and a backup manager in three languages, never run through a
miner before its first measurement) and ``sixteenth`` (added once the miner had been tuned with
all fifteen looked at, of an observability pipeline, a virtual switch and a GitOps controller in
three languages, never run through a miner before its first measurement) and ``seventeenth``
(added once the miner had been tuned with all sixteen looked at, of a DHCP server, a
change-data-capture platform and a cloud storage sync tool in three languages, never run
through a miner before its first measurement) and ``eighteenth`` (added once the miner had been
tuned with all seventeen looked at, of a DNS controller for Kubernetes, a service registry and
an ACME certificate client in three languages, never run through a miner before its first
measurement) and ``nineteenth`` (added the same way with all eighteen looked at, of a
Kubernetes backup tool, a workflow orchestrator and the cloud instance initialiser in three
languages, never run through a miner before its first measurement) and ``twentieth`` (added
on 2026-12-05 with all nineteen looked at, by someone who did not change the miner, of a media
server, a vector database and a mail app in three languages the corpus had one system each of,
C#, Rust and PHP, never run through a miner before its first measurement) and
``twentyfirst`` (added on 2026-12-05 with all twenty looked at, by someone who did not change
the miner, of a development-environment manager, a distributed key-value database and a log
management platform in three languages the corpus had one or two systems each of, Ruby,
Erlang and Elixir, never run through a miner before its first measurement) and
``twentysecond`` (added on 2026-12-05 with all twenty-one looked at, by someone who did not
change the miner, of a financial transactions database, an uptime monitor and a ticket
tracker in three languages the corpus had one system each of, Zig, JavaScript and Perl,
never run through a miner before its first measurement) and ``twentythird`` (added on
2026-12-05 with all twenty-two looked at, by someone who did not change the miner, in a copy
of the tree the round's helper could not see, of a Zigbee-to-MQTT bridge, a comics and
e-book server and an e-book reader in three languages the corpus had one or two systems each
of, TypeScript (as JavaScript), C# and Lua, never run through a miner before its first
measurement) and ``twentyfourth`` (added on 2026-12-05 with all twenty-three looked at, by
someone who did not change the miner, in a copy of the tree the round's helper could not see,
of a package manager, a note-taking app and a desktop automation tool in three languages the
corpus had none of, OCaml, Dart and Objective-C, never run through a miner before its first
measurement) and ``twentyfifth`` (added on 2026-12-05 with all twenty-four looked at, by
someone who did not change the miner, in a copy of the tree the round's helper could not see,
of a backup program, a workflow scheduler and a workflow orchestration platform in three of
the most common server languages, Go, Python and Java, never run through a miner before its
first measurement) and ``twentysixth`` (added on 2026-12-05 with all twenty-five looked at, by
someone who did not change the miner, in a copy of the tree the round's helper could not see,
of a container registry, an identity service and a data integration platform in three of the most
common server languages, Go, Python and Java, never run through a miner before its first
measurement) and ``twentyseventh`` (added on 2026-12-05 with all twenty-six looked at, by
someone who did not change the miner, in a copy of the tree the round's helper could not see,
of a distributed file system, a block storage service and a data security administration
service in three of the most common server languages, Go, Python and Java, never run through a
miner before its first measurement) and ``twentyeighth`` (added on 2026-12-05 with all
twenty-seven looked at, by someone who did not change the miner, in a copy of the tree the
round's helper could not see, of a storage orchestrator for Kubernetes, an object storage
service and a metadata governance service in three of the most common server languages, Go,
Python and Java, never run through a miner before its first measurement) and ``twentyninth``
(added on 2026-12-06 with all twenty-eight looked at, by someone who did not change the miner,
in a copy of the tree the round's helper could not see, of a workload orchestrator, an
automation controller and a notebook service in three of the most common server languages, Go,
Python and Java, never run through a miner before its first measurement) and ``thirtieth``
(added on 2026-12-06 with all twenty-eight looked at and the twentyninth not, by someone who
did not change the miner, in a copy of the tree the round's helper could not see, of a
distributed tracing backend, a network video recorder and a transaction manager in three of
the most common server languages, Go, Python and Java, never run through a miner before its
first measurement; it judged the twenty-sixth round of miner changes) and ``thirtyfirst``
(added on 2026-12-06 by someone who did not change the miner, the same hand as the
twentyninth's and thirtieth's, in a copy of the tree the round's helper could not see, of a
distributed object store, a network intrusion detection engine and a backup program in three
languages the last six splits had none of, Rust, C and C#, never run through a miner before its
first measurement; it judged the twenty-seventh round of miner changes) and ``thirtysecond``
(added on 2026-12-06 right after the thirtyfirst, by the same hand, in the same copy of the
tree, of a metrics platform, a BitTorrent client and a configuration management tool in Go,
Python and Ruby, never run through a miner before its first measurement; it judged the
twenty-eighth round of miner changes) and ``thirtythird`` (added on 2026-12-06 right after the
thirtysecond, by another hand, in the same copy of the tree, of a distributed block storage
system for Kubernetes, a stream processing system and a change data capture service in Go,
Java and Elixir, never run through a miner before its first measurement; it judged the
twenty-ninth round of miner changes) and ``thirtyfourth`` (added on 2026-12-06 right after
the thirtythird, by the same hand, in the same copy of the tree, of a code hosting and CI/CD
platform, a provisioning server and a cluster manager in Go, Python and C++, never run
through a miner before its first measurement; it judged the thirtieth round of miner changes)
and ``thirtyfifth`` (added on 2026-12-06 right after the thirtyfourth, by another hand, in the
same copy of the tree, of a Kubernetes CI/CD controller, a distributed object store and a data
portal in Go, Java and Python, never run through a miner before its first measurement; it
judged the thirty-first round of miner changes) and ``thirtysixth`` (added on 2026-12-06
right after the thirtyfifth, by another hand, in the same copy of the tree, of a workload
identity server, an identity and authentication daemon and an identity management server in
Go, C and Rust, never run through a miner before its first measurement; it judged the
thirty-second and thirty-third rounds of miner changes) and ``thirtyseventh`` (added on
2026-12-06 right after the thirtysixth, by another hand, in the same copy of the tree, of a
cluster manager, a shared file system service and a PostgreSQL operator in Java, Python and
Go, never run through a miner before its first measurement; it judged the thirty-fourth round
of miner changes) and ``thirtyeighth`` (added on 2026-12-06 right after the thirtyseventh, by
another hand, in the same copy of the tree, of a password manager server, the password
manager's reference server and a cluster autoscaler in Rust, C# and Go, never run through a
miner before its first measurement; it judged the thirty-fifth round of miner changes) and
``thirtyninth`` (added on 2026-12-06 right after the thirtyeighth, by another hand, in a
separate copy of the tree, of a bare-metal provisioning service, a Raft consensus library and
an OpenID Connect identity service in Python, Java and Go, never run through a miner before its
first measurement; it judged the thirty-sixth round of miner changes) and ``fortieth`` (added
on 2026-12-06 right after the thirtyninth, by another hand, in a separate copy of the tree, of
an orchestration service, a distributed key/value database and a Wayland compositor in Python,
Java and C++, never run through a miner before its first measurement; it judged the
thirty-seventh round of miner changes) and ``fortyfirst`` (added on 2026-12-06 right after the
fortieth, by another hand, in a separate copy of the tree, of a secrets management service, a
table format library for analytic tables and a container engine in Python, Java and Go, never
run through a miner before its first measurement; it judged the thirty-eighth round of miner
changes) and ``fortysecond`` (added on 2026-12-06 right after the fortyfirst, by another hand,
in a separate copy of the tree, of a media automation tool, a comics and e-book server and a
container runtime for Kubernetes in Python, Kotlin and Go, never run through a miner before its
first measurement; it judged the thirty-ninth round of miner changes) and ``fortythird``
(added on 2026-12-06 right after the fortysecond, by another hand, in a separate copy of the
tree, of a payment channel network client, a container image builder and a licence
compliance toolkit in Python, Go and Kotlin,
never run through a miner before its first measurement; it judged the fortieth round of miner
changes) and ``fortyfourth`` (added on 2026-12-06 right after the fortythird, by another hand,
in a separate copy of the tree, of a Linux virtual machine launcher, a desktop virtual
machine manager and a Wayland status bar in Go, Python and C++, never run through a miner
before its first measurement; it judged the forty-first round of miner changes) and
``fortyfifth`` (added on 2026-12-06 right after the fortyfourth, by another hand, in a
separate copy of the tree, of a container engine, a cloud compute service and a distributed
SQL query engine in Go, Python and Java, never run through a miner before its first
measurement), ``fortysixth`` (added on 2026-12-06 right after the fortyfifth, by another
hand, in a separate copy of the tree, of a system profiler, a cloud resource optimization
service and a data integration framework in Ruby, Python and Java, never run through a miner
before its first measurement), ``fortyseventh`` (added on 2026-12-06 right after the
fortysixth, by another hand, in a separate copy of the tree, of a server lifecycle manager, a
cloud image service and a lake table format in Ruby, Python and Java, never run
through a miner before its first measurement), ``fortyeighth`` (added on 2026-12-06 right
after the fortyseventh, by another hand, in a separate copy of the tree, of a hybrid cloud
management platform, a cloud database service and an OLAP engine in Ruby, Python and Java,
never run through a miner before its first measurement), ``fortyninth`` (added on
2026-12-06 right after the fortyeighth, by another hand, in a separate copy of the tree, of a
lakehouse management system, a data processing framework and an NFV orchestrator in Java,
Java and Python, never run through a miner before its first measurement) and ``fiftieth``
(added on 2026-12-06 right after the fortyninth, by another hand, in a separate copy of the
tree, of a cluster scheduler and timestamp oracle, a monitoring and alerting system and a
container service in Go, Java and Python, never run through a miner before its first
measurement), ``fiftyfirst`` (added on 2026-12-06 right after the fiftieth, by another
hand, in a separate copy of the tree, of a terminal emulator, a TV series manager and a Wii U
emulator in Rust, C# and C++, never run through a miner before its first measurement),
``fiftysecond`` (added on 2026-12-06 right after the fiftyfirst, by another hand, in a separate
copy of the tree, of a cloud data warehouse, a video recording and live streaming program and
a photo library manager in Rust, C and Go, never run through a miner before its first
measurement) and ``fiftythird`` (added on 2026-12-06 right after the fiftysecond, by another
hand, in a separate copy of the tree, of a Linux container runtime, a Kubernetes development
workflow tool and a microVM monitor in C, Go and Rust, never run through a miner before its
first measurement) and ``fiftyfourth`` (added on 2026-12-06 right after the fiftythird, by
another hand, in a separate copy of the tree, of a remote desktop program, a terminal
multiplexer and a command line for containerd in Rust, C and Go, never run through a miner
before its first measurement) and ``fiftyfifth`` (added on 2026-12-06 right after the
fiftyfourth, by someone who did not change the miner, in a separate copy of the tree, of a text
expander, a dependency update tool and a container image builder in Rust, Ruby and Go, never
run through a miner before its first measurement) and ``fiftysixth`` (added on 2026-12-06 right
after the fiftyfifth, by someone who did not change the miner, in a separate copy of the tree,
of a terminal workspace, a screenshot tool and a Usenet downloader in Rust, C# and Python, never
run through a miner before its first measurement) and ``fiftyseventh`` (added on 2026-12-06
right after the fiftysixth, by someone who did not change the miner, in a separate copy of the
tree, of a game console emulator, a music streaming client and a music server in C++, Rust and
Python, never run through a miner before its first measurement) and ``fiftyeighth`` (added on
2026-12-06 right after the fiftyseventh, by someone who did not change the miner, in a separate
copy of the tree, of a reference manager, an RSS reader and a build tool in Java, Swift and
Erlang, never run through a miner before its first measurement) and ``fiftyninth`` (added on
2026-12-06 right after the fiftyeighth, by someone who did not change the miner, in a separate
copy of the tree, of a dynamic DNS client, a smart mirror dashboard and a certificate client in
Perl, JavaScript and shell, never run through a miner before its first measurement) and
``sixtieth`` (added on 2026-12-06 right after the fiftyninth, by someone who did not change the
miner, in a separate copy of the tree, of a 3D printer host, a load testing tool and a runner of
CI workflows in Python, Java and Go, never run through a miner before its first measurement) and
``sixtyfirst`` (added on 2026-12-06 right after the sixtieth, by someone who did not change the
miner, in a separate copy of the tree, of a PostgreSQL backup daemon, a web crawler and a runner
of Kubernetes clusters in containers in Python, Java and Go, never run through a miner before
its first measurement) and ``sixtysecond`` (added on 2026-12-06 right after the sixtyfirst, by
someone who did not change the miner, in a separate copy of the tree, of a Wayland compositor,
a container runtime and a MySQL backup daemon in C, Rust and Python, never run through a miner
before its first measurement) and ``sixtythird`` (added on 2026-12-06 right after the
sixtysecond, by someone who did not change the miner, in a separate copy of the tree, of a
Wayland compositor, a storage daemon and a manager of Logitech devices in C, Rust and Python,
never run through a miner before its first measurement) and ``sixtyfourth`` (added on
2026-12-06 right after the sixtythird, by someone who did not change the miner, in a separate
copy of the tree, of an X11 compositor, a Wayland compositor and a tiling window manager in C,
Rust and Python, never run through a miner before its first measurement) and ``sixtyfifth``
(added on 2026-12-06 right after the sixtyfourth, by someone who did not change the miner, in a
separate copy of the tree, of an SSH library, a virtual machine monitor and a game manager in
Java, Rust and Python, never run through a miner before its first measurement) and
``sixtysixth`` (added on 2026-12-06 right after the sixtyfifth, by someone who did not change
the miner, in a separate copy of the tree, of a container monitor, a system tuning daemon and a
keyboard remapper in Go, Python and Rust, never run through a miner before its first
measurement) and ``sixtyseventh`` (added on 2026-12-06 right after the sixtysixth, by someone
who did not change the miner, in a separate copy of the tree, of a local Kubernetes cluster, a
music tagger and a real-time analytics datastore in Go, Python and Java, never run through a
miner before its first measurement) and ``sixtyeighth`` (added on 2026-12-06 right after the
sixtyseventh, by someone who did not change the miner, in a separate copy of the tree, of an
audio and video server, a Python package manager and an operating system installer in C, Rust
and Python, never run through a miner before its first measurement) and ``sixtyninth`` (added
on 2026-12-06 right after the sixtyeighth, by someone who did not change the miner, in a
separate copy of the tree, of a Kubernetes cluster autoscaler, a data warehouse's query engine
and a transport simulation game in Go, Java and C++, never run through a miner before its first
measurement) and ``seventieth`` (added on 2026-12-06 right after the sixtyninth, by another hand,
in a separate copy of the tree, of a Wi-Fi client, a Python package installer and Rust's build
tool and package manager in C, Python and Rust, never run through a miner before its first
measurement) and ``seventyfirst`` (added on 2026-12-06 right after the seventieth, by another
hand, in a separate copy of the tree, of a Kubernetes distribution, a data lakehouse's table
format and a firmware builder for microcontrollers in Go, Java and Python, never run through a
miner before its first measurement) and ``seventysecond`` (added on 2026-12-07 right after the
seventyfirst, by another hand, in a separate copy of the tree, of a development tools' version
manager, a distributed transaction framework and a machine learning lifecycle platform in Rust,
Java and Python, never run through a miner before its first measurement) and ``seventythird``
(added on 2026-12-07 right after the seventysecond, by another hand, in a separate copy of the
tree, of a terminal file manager, a firmware update daemon and a music player daemon in Rust, C
and C++, never run through a miner before its first measurement) and ``seventyfourth``
(added on 2026-12-07 right after the seventythird, by another hand, in a separate copy of the
tree, of a content repository, a notification library and an embedded debugging toolkit in
Java, Python and Rust, never run through a miner before its first measurement) and
``seventyfifth`` (added on 2026-12-07 right after the seventyfourth, by the same hand, in the
same copy of the tree, of a mail server, a time series database and a dataflow system in C,
Go and Java, never run through a miner before its first measurement) and ``seventysixth``
(added on 2026-12-07 right after the seventyfifth, by another hand, in a separate copy of the
tree, of a stream processing framework, a data management tool and a blockchain node in Java,
Python and Rust, never run through a miner before its first measurement) and
``seventyseventh`` (added on 2026-12-07 right after the seventysixth, by the same hand, in the
same copy of the tree, of a Lightning Network node, a log collection agent and an embedded
debugger in Go, Java and Python, never run through a miner before its first measurement) and
``seventyeighth`` (added on 2026-12-07 right after the seventyseventh, by another hand, in a
separate copy of the tree, of a SQL layer over HBase, a Bitcoin full node and a workflow engine
in Java, Go and Python, never run through a miner before its first measurement) and
``seventyninth`` (added on 2026-12-07 right after the seventyeighth, by the same hand, in the
same copy of the tree, of a DNS server and resolver, a time series database and an application
bundler in Rust, Java and Python, never run through a miner before its first measurement) and
``eightieth`` (added on 2026-12-07 right after the seventyninth, by another hand, in a separate
copy of the tree, of a Filecoin node, a BPMN workflow engine and a data exploration and
dashboard application in Go, Java and Python, never run through a miner before its first
measurement) and ``eightyfirst`` (added on 2026-12-07 right after the eightieth, by the same
hand, in the same copy of the tree, of a Solana validator, a graph database and a CalDAV and
CardDAV server in Rust, Java and Python, never run through a miner before its first
measurement) and ``eightysecond`` (added on 2026-12-07 right after the eightyfirst, by another
hand, in a separate copy of the tree, of a search and analytics engine, a workflow scheduler
and a distributed query scheduler in Java, Python and Rust, never run through a miner before its
first measurement) and ``eightythird`` (added on 2026-12-07 right after the eightysecond, by the
same hand, in the same copy of the tree, of a graph database, a network source of truth and an
infrastructure as code tool in Java, Python and Go, never run through a miner before its first
measurement) and ``eightyfourth`` (added on 2026-12-07 right after the eightythird, by another
hand, in a separate copy of the tree, of an LDAP directory server, a workflow orchestrator and a
CI agent in Java, Python and Go, never run through a miner before its first measurement) and
``eightyfifth`` (added on 2026-12-07 right after the eightyfourth, by the same hand, in the same
copy of the tree, of an APM's collector, a multi-user notebook server and a PKI toolkit in Java,
Python and Go, never run through a miner before its first measurement) and ``eightysixth`` (added
on 2026-12-07 right after the eightyfifth, by another hand, in a separate copy of the tree, of an
identity manager, a CI gating system and a machine image builder in Java, Python and Go, never
run through a miner before its first measurement) and ``eightyseventh`` (added on 2026-12-07
right after the eightysixth, by the same hand, in the same copy of the tree, of a content
detection and extraction toolkit, a chatbot and a database backup tool in Java, Python and Go,
never run through a miner before its first measurement) and ``eightyeighth`` (added on
2026-12-07 right after the eightyseventh, by another hand, in a separate copy of the tree, of an
API and schema registry, a terminal emulator and an iOS test automation driver in Java, Rust and
TypeScript, never run through a miner before its first measurement) and ``eightyninth`` (added
on 2026-12-07 right after the eightyeighth, by the same hand, in the same copy of the tree, of a
storage configuration library, a shell prompt and a mobile app build and release tool in
Python, Rust and Ruby, never run through a miner before its first measurement) and
``ninetieth`` (added on 2026-12-07 right after the eightyninth, by another hand, in a separate
copy of the tree, of a Raft consensus library, an operating system image builder and a backup
program in Java, Python and Rust, never run through a miner before its first measurement) and
``ninetyfirst`` (added on 2026-12-07 right after the ninetieth, by the same hand, in the same
copy of the tree, of a software bill of materials generator, an IRC bot and an Android test
automation driver in Go, Python and TypeScript, never run through a miner before its first
measurement) and ``ninetysecond`` (added on 2026-12-07 right after the ninetyfirst, by another
hand, in a separate copy of the tree, of a customer data platform, a DNS as a service and a
Kubernetes cluster tool in Java, Python and Go, never run through a miner before its first
measurement) and ``ninetythird`` (added on 2026-12-07 right after the ninetysecond, by the same
hand, in the same copy of the tree, of a Bluetooth protocol stack, a telemetry service and a
link layer discovery daemon in C, Python and C, never run through a miner before its first
measurement) and ``ninetyfourth`` (added on 2026-12-07 right after the ninetythird, by another
hand, in a separate copy of the tree, of a theme park simulation game, a cloud networking
service and a graph database in C++, Python and Go, never run through a miner before its first
measurement) and ``ninetyfifth`` (added on 2026-12-07 right after the ninetyfourth, by the same
hand, in the same copy of the tree, of a cluster resource manager, an application performance
monitoring server and a Flash Player emulator in C, Java and Rust, never run through a miner
before its first measurement) and ``ninetysixth`` (added on 2026-12-07 right after the
ninetyfifth, by another hand, in a separate copy of the tree, of a multipath storage device
manager, a root cause analysis service and a shell history sync tool in C, Python and Rust,
never run through a miner before its first measurement) and ``ninetyseventh`` (added on
2026-12-07 right after the ninetysixth, by the same hand, in the same copy of the tree, of a
Hadoop cluster management server, a distributed POSIX file system and a Z-Wave control panel in
Java, Go and TypeScript, never run through a miner before its first measurement) and
``ninetyeighth`` (added on 2026-12-07 right after the ninetyseventh, by another hand, in a
separate copy of the tree, of a healthcare FHIR data server, a workflow service and a file
watcher that runs commands in Java, Python and Rust, never run through a miner before its first
measurement) and ``ninetyninth`` (added on 2026-12-07 right after the ninetyeighth, by the same
hand, in the same copy of the tree, of an iSCSI initiator, a distributed relational database and
a service discovery daemon in C, Go and C, never run through a miner before its first
measurement) and ``hundredth`` (added on 2026-12-07 right after the ninetyninth, by another
hand, in a separate copy of the tree, of a framework of Kubernetes operators, the Kubernetes
networking of OpenStack and an uninterruptible power supply monitor in Java, Python and C, never
run through a miner before its first measurement) and ``hundredfirst`` (added on 2026-12-07
right after the hundredth, by the same hand, in the same copy of the tree, of a logical volume
manager, a clustering service and a SCSI target framework in C, Python and C, never run through
a miner before its first measurement) and ``hundredsecond`` (added on 2026-12-07 by another hand,
in a separate copy of the tree, of a userspace handler of the kernel's SCSI target, an OpenFlow
software-defined networking framework and a cluster engine in C, Python and C, never run through
a miner before its first measurement) and ``hundredthird`` (added on 2026-12-07 right after the
hundredsecond, by the same hand, in the same copy of the tree, of a Precision Time Protocol
daemon, an e-book library web application and a cloud rating service in C, Python and Python,
never run through a miner before its first measurement) and ``hundredfourth`` (added on
2026-12-07 by another hand, in a separate copy of the tree, of an IP routing protocol suite, a
business process management engine and a time series database in C, Java and Python, never run
through a miner before its first measurement) and ``hundredfifth`` (added on 2026-12-07 right
after the hundredfourth, by the same hand, in the same copy of the tree, of a PlayStation
Portable emulator, a home automation platform's controller and a distributed job scheduler in
C++, JavaScript and Java, never run through a miner before its first measurement) and
``hundredsixth`` (added on 2026-12-07 by another hand, in a separate copy of the tree, of a
certificate authority, an industrial IoT toolbox and a biomedical data analysis platform in Go,
Java and Python, never run through a miner before its first measurement) and
``hundredseventh`` (added on 2026-12-07 right after the hundredsixth, by the same hand, in the
same copy of the tree, of a remote desktop server, a forum and a JavaScript runtime in C,
JavaScript and Rust, never run through a miner before its first measurement) and
``hundredeighth`` (added on 2026-12-07 by another hand, in a separate copy of the tree, of a
metadata lake, a virtualization host agent and an OpenID Connect server in Java, Python and
C#, never run through a miner before its first measurement) and ``hundredninth`` (added on
2026-12-07 right after the hundredeighth, by the same hand, in the same copy of the tree, of a
syslog daemon, a wiki and a container platform for HPC in C, JavaScript and Go, never run
through a miner before its first measurement) and ``hundredtenth`` (added on 2026-12-07 by
another hand, in a separate copy of the tree, of a remote shuffle service, an identity
management server and a media request manager in Java, Python and C#, never run through a
miner before its first measurement) and ``hundredeleventh`` (added on 2026-12-07 right after
the hundredtenth, by the same hand, in the same copy of the tree, of a virtual machine
monitor, a collaborative editor and a backup tool in Rust, JavaScript and Go, never run
through a miner before its first measurement) and ``hundredtwelfth`` (added on 2026-12-07 by
another hand, in a separate copy of the tree, of a remote shuffle service, a virtual machine
cluster manager and an ACME client for Windows in Java, Python and C#, never run through a
miner before its first measurement) and ``hundredthirteenth`` (added on 2026-12-07 right after
the hundredtwelfth, by the same hand, in the same copy of the tree, of a Kubernetes
distribution, an application automation supervisor and a media request manager in Go, Rust
and TypeScript, never run through a miner before its first measurement) and
``hundredfourteenth`` (added on 2026-12-07 by another hand, in a separate copy of the tree, of
an Apache Iceberg catalog service, an operating system installer and a live television channel
server in Java, Python and C#, never run through a miner before its first measurement) and
``hundredfifteenth`` (added on 2026-12-07 right after the hundredfourteenth, by the same hand, in
the same copy of the tree, of a package management daemon, a log search engine and a data
version control tool in Go, Rust and Python, never run through a miner before its first
measurement) and ``hundredsixteenth`` (added on 2026-12-07 by another hand, in a separate copy
of the tree, of a computation middleware, an operating system image installer and an event
sourcing database in Java, Python and C#, never run through a miner before its first
measurement) and ``hundredseventeenth`` (added on 2026-12-07 right after the hundredsixteenth,
by the same hand, in the same copy of the tree, of a Kubernetes storage driver for Ceph, a
container image file system and a Matrix-IRC bridge in Go, Rust and TypeScript, never run
through a miner before its first measurement) and ``hundredeighteenth`` (added on 2026-12-07 by
another hand, in a separate copy of the tree, of a distributed log storage service, a 3D
printer firmware's host and a game modlist installer in Java, Python and C#, never run through
a miner before its first measurement) and ``hundrednineteenth`` (added on 2026-12-07 right
after the hundredeighteenth, by the same hand, in the same copy of the tree, of a distributed
file system, an antivirus engine and an Ethereum client in Go, C and Rust, never run through a
miner before its first measurement) and ``hundredtwentieth`` (added on 2026-12-07 by another
hand, in a separate copy of the tree, of a digital repository platform, a block storage attachment
library and an authoritative DNS server in Java, Python and C, never run through a miner before
its first measurement) and ``hundredtwentyfirst`` (added on 2026-12-07 right after the
hundredtwentieth, by the same hand, in the same copy of the tree, of an encrypted overlay file
system, a version control system and an error reporting service in Go, Rust and C#, never run
through a miner before its first measurement) and ``hundredtwentysecond`` (added on 2026-12-07
by another hand, in a separate copy of the tree, of an RDF framework and triple store, an issue
tracker and wiki and a package manager in Java, Python and Ruby, never run through a miner
before its first measurement) and ``hundredtwentythird`` (added on 2026-12-07 right after the
hundredtwentysecond, by the same hand, in the same copy of the tree, of a feature flag service,
a backup server and a game mod manager in TypeScript, Rust and C#, never run through a miner
before its first measurement) and ``hundredtwentyfourth`` (added on 2026-12-07 by another hand,
in a separate copy of the tree, of a service registry and configuration centre, a personal
storage system and a sound server in Java, Go and C, never run through a miner before its first
measurement) and ``hundredtwentyfifth`` (added on 2026-12-07 right after the
hundredtwentyfourth, by the same hand, in the same copy of the tree, of a source code hosting
service, a mobile broadband modem manager and a blogging platform in Python, C and Go, never run
through a miner before its first measurement) and ``hundredtwentysixth`` (added on 2026-12-07 by
another hand, in a separate copy of the tree, of a medical record system, an IRC bot and a
distributed application orchestrator in Java, Python and C#, never run through a miner before
its first measurement) and ``hundredtwentyseventh`` (added on 2026-12-07 right after the
hundredtwentysixth, by the same hand, in the same copy of the tree, of a cryptocurrency node, a
software engineering data platform and a home automation system in Rust, Go and JavaScript,
never run through a miner before its first measurement). Run
``python tests/bench/logcall_corpus.py --out DIR`` to write
``DIR/<split>/<system>/<system>_2k.log_structured_corrected.csv`` (columns ``Content`` and
``EventTemplate``), the layout of the Loghub samples that ``bench_templates.py`` reads.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import re
import string
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from pipeline.templates.rendering import normalise_variables  # noqa: E402

DATA = Path(__file__).resolve().parent / "logcalls"
LINES = 2000
EVENTS = 150


@dataclass(frozen=True, slots=True)
class System:
    name: str
    # go, c, python, java, rust, javascript, erlang, ruby, perl, csharp, cpp, php, elixir,
    # kotlin, scala, lua, zig, swift, shell, ocaml, dart, objc (smartd, C++, is "c": its calls
    # are C printf with strerror's text; Zigbee2MQTT, TypeScript, is "javascript": its errors
    # are JavaScript's)
    language: str
    # printf, slf4j, jul, zap, klog, logrus, logfmt (slog), hclog; and for the novel split
    # tracing (Rust), nodejs (util.format and template literals), jboss, zerolog; and for the
    # sixth split jul (java.util.logging), postfix (msg_* printf) and unified (TiKV's slog);
    # and for the seventh telegraf (level indicator and [plugin] before printf), erlang
    # (io_lib's ~p, ~s), ruby ("#{expr}", String#%) and perl ("$var", sprintf); and for the
    # eighth mel (.NET message templates, {Name}), glog (C++ streams, << expr, $0) and psr3
    # (PHP's PSR-3 {key} filled from the context array, as MediaWiki's LegacyLogger does) and
    # elixir ("#{expr}", inspect/1's terms, after Logger's [level] and its car_id= metadata);
    # and for the ninth timber (Kotlin's "$x ${expr}" after Element's thread id, Timber's
    # priority and tag, "D/ /Tag: ") and ansible (str.format's {0} and {name!r}, f-strings
    # and printf, after Display's "<host> " or "[host]: ") and pekko (Scala's s"$x ${expr}" and
    # LoggingAdapter's {}, the cluster's "Cluster Node [address] - " before its own); and for
    # the tenth gokit (go-kit's logfmt: the call's pairs in order, msg=... among them), logr
    # (logr's pairs and Error's "error" in zap's JSON after "msg") and labelled (printf, or the
    # text as it is, after a label: Patroni's level "INFO: ", Lsyncd's category "Normal: ");
    # and for the eleventh printf (smartd, CUPS, fail2ban) and hclog (OpenBao, its logger's
    # name from the call's "logger"); and for the twelfth zig (std.fmt's {}, {s}, {d:.2} after
    # Ghostty's "warning(scope): "), geth (go-ethereum's terminal format: the message, then
    # key=value in order, numbers grouped), swift (Swift's "\(expr)" as SourceKit-LSP logs
    # it) and shell (TLP's "$x ${x} $1 $(cmd)" expanded by the shell); and for the thirteenth
    # fdbtrace (FoundationDB's XML trace events: Type, ID, Key="value" details), fluentd
    # (Ruby's "#{expr}" and key=value.inspect pairs after "[warn]: #0 "), icinga (C++ streams
    # after Icinga 2's "warning/Facility: ") and twisted (Twisted's log.msg after "[-] "); the
    # fourteenth reuses slf4j (ZooKeeper), gokit (Loki) and printf (collectd, Borg), the
    # fifteenth slf4j (HBase), gokit (Cortex) and printf (Barman); the sixteenth tracing
    # (Vector, its literal fields as constant text), printf (Open vSwitch) and logrusjson
    # (logrus' JSONFormatter: the fields and "msg" in one object, keys sorted; Argo CD); the
    # seventeenth kea (isc::log: the message id, then its text with %1, %2 filled by .arg()),
    # slf4j (Debezium) and rclone (the object the call names, ": ", then Go printf); the
    # eighteenth reuses logrus (ExternalDNS), slf4j (Eureka) and printf (Certbot), the
    # nineteenth logrus (Velero), slf4j (Conductor) and printf (cloud-init); the twentieth
    # serilog (Jellyfin: .NET message templates as Serilog's {Message} renders them, a string
    # value in double quotes), tracing (Qdrant's log macros) and psr3 (Nextcloud Mail); the
    # twentyfirst ruby (Vagrant's Log4r: "#{expr}" after its level and logger's name,
    # "INFO box_add: "), erlang (Riak KV's lager, io_lib's ~p and ~s, its node riak@...) and
    # elixir (Logflare's Logger, "#{inspect(x)}" after "[warning] "); the twentysecond zig
    # (TigerBeetle's std.log, "warning(replica): "), nodejs (Uptime Kuma's own logger, a
    # template literal after its "[MONITOR] INFO: ") and perl (Request Tracker's Log::Dispatch,
    # "[error]: " before the message and the caller's "(/opt/rt6/lib/RT/Ticket.pm:188)" after);
    # the twentythird nodejs (Zigbee2MQTT's TypeScript, a template literal after winston's
    # level and its namespace, "info: z2m: "), serilog (Kavita, every value marked bare as
    # "{Message:lj}" writes a string) and labelled (KOReader's Lua operands joined, "DEBUG ");
    # the twentyfourth labelled thrice (opam's OCaml Format strings after its section, "CURL ",
    # AppFlowy's Dart interpolation after "[Flutter]: ", Hammerspoon's Objective-C
    # formats after "** Warning: LuaSkin: "); the twentyfifth printf twice (restic's Go
    # debug.Log, Luigi's Python logging) and slf4j (DolphinScheduler); the twentysixth printf
    # twice (Harbor's Go log, Keystone's Python logging) and slf4j (SeaTunnel); the
    # twentyseventh printf twice (SeaweedFS's Go glog, Cinder's Python logging) and slf4j (Ranger);
    # the twentyeighth printf twice (Rook's Go capnslog, Swift's Python logging) and slf4j (Atlas);
    # the twentyninth hclog (Nomad), printf (AWX's Python logging) and slf4j (Zeppelin); the
    # thirtieth gokit (Tempo), printf (Frigate's Python logging) and jboss (Narayana); the
    # thirtyfirst tracing (Garage's log macros), printf (Suricata's C) and serilog (Duplicati's
    # String.Format holes, every value bare); the thirtysecond zap (M3), printf (Deluge's Python
    # logging) and ruby (Chef's "#{expr}" after "INFO: "); the thirtythird logrus (Longhorn),
    # slf4j (Storm) and elixir (Sequin); the thirtyfourth zerolog (Harness), printf (Cobbler's
    # Python logging) and glog (Mesos); the thirtyfifth zap (Tekton's sugared logger), slf4j
    # (Ozone) and printf (CKAN's Python logging); the thirtysixth logrus (SPIRE), printf (SSSD's
    # C DEBUG) and tracing (Kanidm); the thirtyseventh slf4j (Helix), printf (Manila's Python
    # logging) and logrus (the Postgres Operator); the thirtyeighth tracing (Vaultwarden's log
    # macros), serilog (the Bitwarden server) and hclog (the Nomad Autoscaler); the thirtyninth
    # printf (Ironic's Python logging), slf4j (Ratis) and slogjson (Dex: log/slog's JSON
    # handler, {"msg":"...","key":"value"}, the call's pairs in order); the fortieth pymapping
    # (Heat's Python logging: %(name)s filled from a mapping, positional % as printf), slf4j
    # (Accumulo) and stdformat (Hyprland's C++20 std::format: {}, {:x}, {:.2f}); the fortyfirst
    # pymapping (Barbican's Python logging), slf4j (Iceberg) and logrus (Podman); the
    # fortysecond loguru (FlexGet: str.format's {} and {name} only when the call passes
    # arguments), kotlinlogging (Komga's logger.info { "$x ${expr}" }) and logrus (CRI-O);
    # the fortythird structlog (Raiden's ConsoleRenderer: the event padded to 30 columns,
    # [logger], then key=value sorted by key), logrus (Buildah) and kotlinlogging (ORT's
    # log4j-api-kotlin lambdas, logger.info { "$x" }, the same message); the fortyfourth
    # logrus (Lima), pymapping (virt-manager's Python logging) and stdformat (Waybar's spdlog:
    # fmt's {}, {:.2f}); the fortyfifth logrus (Moby's log.G(ctx)), pymapping (Nova's Python
    # logging) and slf4j (Drill); the fortysixth ruby (Ohai's Mixlib::Log, as Chef's),
    # pymapping (Watcher's Python logging) and slf4j (Gobblin); the fortyseventh ruby (The
    # Foreman's Rails logger, no label), pymapping (Glance's Python logging) and slf4j (Paimon);
    # the fortyeighth ruby (ManageIQ's _log, no label), pymapping (Trove's Python logging) and
    # slf4j (Kylin); the fortyninth slf4j (Amoro, Tez) and pymapping (Tacker's Python logging);
    # the fiftieth pingcap (PD's pingcap/log: zap fields in TiKV's unified format, in order),
    # slf4j (HertzBeat) and pymapping (Zun's Python logging); the fiftyfirst tracing (WezTerm's
    # log macros), serilog (Sonarr's NLog String.Format holes) and stdformat (Cemu's fmt calls:
    # {}, {:08x}); the fiftysecond tracing (Databend's log macros), printf (OBS Studio's blog)
    # and logrus (PhotoPrism's Go printf on logrus); the fiftythird printf (LXC's ERROR
    # macros), logrus (Skaffold's log.Entry(ctx)) and tracing (Firecracker's log macros);
    # the fiftyfourth tracing (RustDesk's log macros), printf (tmux's log_debug) and logrus
    # (nerdctl's log.L and log.G(ctx)); the fiftyfifth tracing (espanso's log macros), ruby
    # (Dependabot.logger) and logrus (BuildKit's bklog.G(ctx) and bklog.L); the fiftysixth
    # tracing (Zellij's log macros), serilog (Greenshot's log4net Format calls) and printf
    # (SABnzbd's Python logging); the fiftyseventh stdformat (shadPS4's LOG_X fmt calls),
    # tracing (librespot's log macros) and printf (Mopidy's Python logging); the fiftyeighth
    # slf4j (JabRef's LOGGER), swift (NetNewsWire's os.Logger) and erlang (rebar3's ?WARN
    # macros); the fiftyninth perl (ddclient's info, warning, failed...), nodejs
    # (MagicMirror's Log) and shell (acme.sh's _info, _err, _debug); the sixtieth printf
    # (OctoPrint's Python logging), slf4j (JMeter's log) and logrus (act's log and logger);
    # the sixtyfirst printf (pghoard's Python logging), slf4j (Nutch's LOG) and logrus (k3d's
    # l.Log()); the sixtysecond printf (sway's sway_log), tracing (youki's tracing macros, with
    # fields) and printf (myhoard's Python logging); the sixtythird printf (labwc's wlr_log),
    # tracing (stratisd's log macros) and printf (Solaar's Python logging); the sixtyfourth
    # printf (picom's log_error), tracing (niri's tracing macros) and printf (qtile's Python
    # logging); the sixtyfifth slf4j (MINA SSHD's log), tracing (Cloud Hypervisor's log
    # macros) and printf (Lutris' Python logging); the sixtysixth klog (cAdvisor's klog printf),
    # printf (TuneD's Python logging) and tracing (kanata's log macros); the sixtyseventh klog
    # (minikube's klog printf), printf (Picard's Python logging) and slf4j (Pinot's LOGGER);
    # the sixtyeighth printf (PipeWire's pw_log and spa_log), tracing (uv's tracing macros)
    # and printf (Anaconda's Python logging); the sixtyninth klog (Cluster Autoscaler's klog
    # printf), slf4j (Hive's LOG) and stdformat (OpenTTD's Debug, fmt calls); the seventieth
    # printf (wpa_supplicant's wpa_printf), printf (pip's Python logging) and tracing (Cargo's
    # tracing macros); the seventyfirst logrus (K3s's logrus printf), slf4j (Hudi's LOG) and
    # printf (ESPHome's Python logging); the seventysecond tracing (mise's log crate
    # macros), slf4j (Seata's LOGGER) and printf (MLflow's Python logging); the seventythird
    # tracing (broot's log macros), printf (fwupd's g_debug) and stdformat (MPD's FmtDebug, fmt
    # calls); the seventyfourth slf4j (Oak's log), printf (Apprise's Python logging) and
    # tracing (probe-rs's tracing macros); the seventyfifth printf (Dovecot's i_error), printf
    # (VictoriaMetrics's logger.Infof) and slf4j (NiFi's logger); the seventysixth slf4j
    # (Samza's LOG), printf (DataLad's Python logging) and tracing (Forest's tracing macros);
    # the seventyseventh printf (lnd's log.Infof), slf4j (Flume's logger) and printf (pyOCD's
    # Python logging); the seventyeighth slf4j (Phoenix's LOGGER), printf (btcd's log.Tracef)
    # and printf (Toil's Python logging); the seventyninth tracing (Hickory DNS's tracing
    # macros), slf4j (IoTDB's LOGGER) and printf (PyInstaller's Python logging); the eightieth
    # printf (Lotus's log.Infof), slf4j (Flowable's LOGGER) and printf (Superset's Python
    # logging); the eightyfirst tracing (Agave's log macros), slf4j (JanusGraph's log) and
    # printf (Radicale's Python logging); the eightysecond slf4j (OpenSearch's Log4j 2 logger),
    # printf (Airflow's Python logging) and tracing (Ballista's log macros); the eightythird
    # slf4j (HugeGraph's LOG), printf (Nautobot's Python logging) and printf (OpenTofu's
    # log.Printf); the eightyfourth slf4j (ApacheDS's LOG), printf (Prefect's Python logging)
    # and printf (the Buildkite Agent's l.Infof); the eightyfifth slf4j (Pinpoint's Log4j 2
    # logger), printf (JupyterHub's Python logging) and printf (CFSSL's log.Debugf); the
    # eightysixth slf4j (Syncope's LOG), printf (Zuul's Python logging) and printf (Packer's
    # log.Printf); the eightyseventh slf4j (Tika's LOG), printf (Errbot's Python logging) and
    # printf (WAL-G's tracelog.InfoLogger.Printf); the eightyeighth slf4j (Apicurio
    # Registry's log), tracing (Alacritty's log macros) and nodejs (the XCUITest driver's
    # this.log); the eightyninth printf (Blivet's Python logging), tracing (Starship's log
    # macros) and ruby (fastlane's UI.message); the ninetieth slf4j (SOFAJRaft's LOG), printf
    # (KIWI's Python logging) and tracing (rustic's log macros); the ninetyfirst printf
    # (Syft's log.Debugf), printf (Sopel's Python logging) and nodejs (the UiAutomator2
    # driver's this.log); the ninetysecond slf4j (Unomi's logger), printf (Designate's Python
    # logging) and printf (eksctl's logger.Info); the ninetythird printf (BlueZ's btd_error),
    # printf (Ceilometer's Python logging) and printf (lldpd's log_warnx); the ninetyfourth
    # printf (OpenRCT2's LOG_ERROR), printf (Neutron's Python logging) and printf (Dgraph's
    # glog.Errorf); the ninetyfifth printf (Pacemaker's pcmk__err), slf4j (SkyWalking's log)
    # and tracing (Ruffle's tracing macros); the ninetysixth printf (multipath-tools'
    # condlog), printf (Vitrage's Python logging) and tracing (Atuin's tracing and log
    # macros); the ninetyseventh slf4j (Ambari's LOG), printf (JuiceFS's logger.Infof) and
    # nodejs (Z-Wave JS UI's logger); the ninetyeighth slf4j (HAPI FHIR's ourLog), printf
    # (Mistral's Python logging) and tracing (watchexec's tracing macros); the ninetyninth
    # printf (open-iscsi's log_error), printf (rqlite's logger.Printf) and printf (Avahi's
    # avahi_log_warn); the hundredth slf4j (the Java Operator SDK's log), printf
    # (Kuryr-Kubernetes' Python logging) and printf (Network UPS Tools' upslogx); the
    # hundredfirst printf (LVM2's log_error), printf (Senlin's Python logging) and printf
    # (tgt's eprintf); the hundredsecond printf (tcmu-runner's tcmu_err), printf (OS-Ken's
    # Python logging) and printf (Corosync's log_printf); the hundredthird printf (linuxptp's
    # pr_err), printf (Calibre-Web's Python logging) and printf (CloudKitty's Python logging);
    # the hundredfourth printf (FRRouting's zlog_err), slf4j (jBPM's logger) and printf
    # (Gnocchi's Python logging); the hundredfifth printf (PPSSPP's ERROR_LOG), nodejs (the
    # ioBroker js-controller's logger) and slf4j (PowerJob's log); the hundredsixth printf
    # (Boulder's blog logger), slf4j (Apache StreamPipes' LOG) and printf (Galaxy's Python
    # logging); the hundredseventh printf (xrdp's LOG), nodejs (NodeBB's winston) and tracing
    # (Deno's log crate); the hundredeighth slf4j (Apache Gravitino's LOG), printf (VDSM's
    # Python logging) and serilog (IdentityServer4's ILogger templates); the hundredninth
    # printf (rsyslog's LogError), nodejs (Wiki.js' winston) and printf (Apptainer's sylog);
    # the hundredtenth slf4j (Apache Uniffle's LOG), printf (FreeIPA's Python logging) and
    # serilog (Ombi's ILogger templates); the hundredeleventh tracing (crosvm's log macros),
    # nodejs (Etherpad's log4js) and printf (Kopia's log(ctx)); the hundredtwelfth slf4j
    # (Apache Celeborn's logger), printf (Ganeti's Python logging) and serilog (win-acme's
    # _log templates); the hundredthirteenth printf (k0s' logrus), tracing (Habitat's log
    # macros) and nodejs (Overseerr's winston); the hundredfourteenth slf4j (Apache Polaris'
    # LOGGER), printf (Subiquity's Python logging) and serilog (ErsatzTV's ILogger templates);
    # the hundredfifteenth printf (snapd's logger), tracing (Quickwit's tracing macros) and
    # printf (DVC's Python logging); the hundredsixteenth slf4j (Apache Linkis' loggers),
    # printf (curtin's Python logging) and serilog (EventStoreDB's Log templates); the
    # hundredseventeenth printf (Ceph CSI's klog wrappers), tracing (Nydus' log macros) and
    # nodejs (matrix-appservice-irc's winston); the hundredeighteenth slf4j (Apache
    # BookKeeper's LOG), printf (Klipper's Python logging) and serilog (Wabbajack's ILogger
    # templates); the hundrednineteenth printf (CubeFS' log.Log*f), printf (ClamAV's
    # cli_*msg and logg) and tracing (OpenEthereum's log macros); the hundredtwentieth slf4j
    # (DSpace's Log4j 2 log), printf (os-brick's Python logging) and printf (Knot DNS' log_*); the
    # hundredtwentyfirst printf (gocryptfs' tlog), tracing (Pijul's log macros) and serilog
    # (Exceptionless' ILogger templates); the hundredtwentysecond slf4j (Apache Jena's log),
    # printf (Trac's Python logging) and ruby (Homebrew's ohai, opoo, onoe, odie...); the
    # hundredtwentythird nodejs (Unleash's log4js loggers), tracing (Proxmox Backup Server's log
    # macros) and serilog (the Nexus Mods app's ILogger templates); the hundredtwentyfourth slf4j
    # (Nacos' loggers), printf (Perkeep's log.Printf) and printf (PulseAudio's pa_log_*); the
    # hundredtwentyfifth printf (Kallithea's Python logging), printf (ModemManager's mm_obj_*)
    # and printf (WriteFreely's log.Info and log.Error); the hundredtwentysixth slf4j (OpenMRS'
    # log), printf (Limnoria's Python logging) and serilog (Aspire's ILogger templates); the
    # hundredtwentyseventh tracing (Grin's log macros), printf (DevLake's logger.Info...) and
    # nodejs (Gladys Assistant's tracer loggers)
    style: str
    # tuning, held-out, fresh, unseen, novel, sixth, seventh, eighth, ninth, tenth, eleventh,
    # twelfth, thirteenth, fourteenth, fifteenth, sixteenth, seventeenth, eighteenth,
    # nineteenth, twentieth, twentyfirst, twentysecond, twentythird, twentyfourth,
    # twentyfifth, twentysixth, twentyseventh, twentyeighth, twentyninth, thirtieth,
    # thirtyfirst, thirtysecond, thirtythird, thirtyfourth, thirtyfifth, thirtysixth,
    # thirtyseventh, thirtyeighth, thirtyninth, fortieth, fortyfirst, fortysecond,
    # fortythird, fortyfourth, fortyfifth, fortysixth, fortyseventh, fortyeighth,
    # fortyninth, fiftieth, fiftyfirst, fiftysecond, fiftythird, fiftyfourth, fiftyfifth,
    # fiftysixth, fiftyseventh, fiftyeighth, fiftyninth, sixtieth, sixtyfirst, sixtysecond,
    # sixtythird, sixtyfourth, sixtyfifth, sixtysixth, sixtyseventh, sixtyeighth, sixtyninth,
    # seventieth, seventyfirst, seventysecond, seventythird, seventyfourth, seventyfifth,
    # seventysixth, seventyseventh, seventyeighth, seventyninth, eightieth, eightyfirst,
    # eightysecond, eightythird, eightyfourth, eightyfifth, eightysixth, eightyseventh,
    # eightyeighth, eightyninth, ninetieth, ninetyfirst, ninetysecond, ninetythird,
    # ninetyfourth, ninetyfifth, ninetysixth, ninetyseventh, ninetyeighth, ninetyninth,
    # hundredth, hundredfirst, hundredsecond, hundredthird, hundredfourth, hundredfifth,
    # hundredsixth, hundredseventh, hundredeighth, hundredninth, hundredtenth or
    # hundredeleventh, hundredtwelfth, hundredthirteenth, hundredfourteenth,
    # hundredfifteenth, hundredsixteenth, hundredseventeenth, hundredeighteenth,
    # hundrednineteenth, hundredtwentieth, hundredtwentyfirst, hundredtwentysecond,
    # hundredtwentythird, hundredtwentyfourth, hundredtwentyfifth, hundredtwentysixth or
    # hundredtwentyseventh
    split: str
    # An exception passed to the call is printed on the message's line after " =>" (Solr's
    # log4j2 layout); elsewhere its trace goes on later lines.
    exception_inline: bool = False
    # A duration whose unit the format writes after it ("took {} ms") is a bare number. Systems
    # measured before this rule was made keep their units doubled, for their rows to compare.
    bare_durations: bool = False


SYSTEMS: dict[str, System] = {
    s.name: s
    for s in (
        System("etcd", "go", "zap", "tuning"),
        System("gitea", "go", "printf", "tuning"),
        System("postgresql", "c", "printf", "tuning"),
        System("homeassistant", "python", "printf", "tuning"),
        System("kubelet", "go", "klog", "held-out"),
        System("containerd", "go", "logrus", "held-out"),
        System("systemd", "c", "printf", "held-out"),
        System("cassandra", "java", "slf4j", "held-out"),
        System("prometheus", "go", "logfmt", "fresh"),
        System("consul", "go", "hclog", "fresh"),
        System("libvirt", "c", "printf", "fresh"),
        System("solr", "java", "slf4j", "fresh", exception_inline=True),
        System("chrony", "c", "printf", "unseen"),
        System("syncthing", "go", "printf", "unseen"),
        System("flink", "java", "slf4j", "unseen", bare_durations=True),
        System("salt", "python", "printf", "unseen"),
        System("zebra", "rust", "tracing", "novel"),
        System("homebridge", "javascript", "nodejs", "novel"),
        System("hibernate", "java", "jboss", "novel"),
        System("woodpecker", "go", "zerolog", "novel"),
        System("jenkins", "java", "jul", "sixth"),
        System("postfix", "c", "postfix", "sixth"),
        System("synapse", "python", "printf", "sixth"),
        System("tikv", "rust", "unified", "sixth"),
        System("telegraf", "go", "telegraf", "seventh"),
        System("couchdb", "erlang", "erlang", "seventh"),
        System("puppet", "ruby", "ruby", "seventh"),
        System("spamassassin", "perl", "perl", "seventh"),
        System("orleans", "csharp", "mel", "eighth"),
        System("kudu", "cpp", "glog", "eighth"),
        System("mediawiki", "php", "psr3", "eighth"),
        System("teslamate", "elixir", "elixir", "eighth"),
        System("element", "kotlin", "timber", "ninth"),
        System("ansible", "python", "ansible", "ninth"),
        System("pekko", "scala", "pekko", "ninth"),
        System("thanos", "go", "gokit", "tenth"),
        System("cloudnativepg", "go", "logr", "tenth"),
        System("patroni", "python", "labelled", "tenth"),
        System("lsyncd", "lua", "labelled", "tenth"),
        System("smartd", "c", "printf", "eleventh"),
        System("cups", "c", "printf", "eleventh"),
        System("fail2ban", "python", "printf", "eleventh"),
        System("openbao", "go", "hclog", "eleventh"),
        System("ghostty", "zig", "zig", "twelfth"),
        System("geth", "go", "geth", "twelfth"),
        System("sourcekit-lsp", "swift", "swift", "twelfth"),
        System("tlp", "shell", "shell", "twelfth"),
        System("foundationdb", "cpp", "fdbtrace", "thirteenth"),
        System("fluentd", "ruby", "fluentd", "thirteenth"),
        System("icinga2", "cpp", "icinga", "thirteenth"),
        System("buildbot", "python", "twisted", "thirteenth"),
        System("zookeeper", "java", "slf4j", "fourteenth"),
        System("loki", "go", "gokit", "fourteenth"),
        System("collectd", "c", "printf", "fourteenth"),
        System("borg", "python", "printf", "fourteenth"),
        System("hbase", "java", "slf4j", "fifteenth", bare_durations=True),
        System("cortex", "go", "gokit", "fifteenth"),
        System("barman", "python", "printf", "fifteenth"),
        System("vector", "rust", "tracing", "sixteenth"),
        System("openvswitch", "c", "printf", "sixteenth"),
        System("argocd", "go", "logrusjson", "sixteenth"),
        System("kea", "cpp", "kea", "seventeenth"),
        System("debezium", "java", "slf4j", "seventeenth", bare_durations=True),
        System("rclone", "go", "rclone", "seventeenth"),
        System("externaldns", "go", "logrus", "eighteenth"),
        System("eureka", "java", "slf4j", "eighteenth", bare_durations=True),
        System("certbot", "python", "printf", "eighteenth"),
        System("velero", "go", "logrus", "nineteenth"),
        System("conductor", "java", "slf4j", "nineteenth", bare_durations=True),
        System("cloudinit", "python", "printf", "nineteenth"),
        System("jellyfin", "csharp", "serilog", "twentieth"),
        System("qdrant", "rust", "tracing", "twentieth"),
        System("nextcloud-mail", "php", "psr3", "twentieth"),
        System("vagrant", "ruby", "ruby", "twentyfirst"),
        System("riak-kv", "erlang", "erlang", "twentyfirst"),
        System("logflare", "elixir", "elixir", "twentyfirst"),
        System("tigerbeetle", "zig", "zig", "twentysecond"),
        System("uptime-kuma", "javascript", "nodejs", "twentysecond"),
        System("request-tracker", "perl", "perl", "twentysecond"),
        System("zigbee2mqtt", "javascript", "nodejs", "twentythird"),
        System("kavita", "csharp", "serilog", "twentythird"),
        System("koreader", "lua", "labelled", "twentythird"),
        System("opam", "ocaml", "labelled", "twentyfourth"),
        System("appflowy", "dart", "labelled", "twentyfourth"),
        System("hammerspoon", "objc", "labelled", "twentyfourth"),
        System("restic", "go", "printf", "twentyfifth"),
        System("luigi", "python", "printf", "twentyfifth"),
        System("dolphinscheduler", "java", "slf4j", "twentyfifth"),
        System("harbor", "go", "printf", "twentysixth"),
        System("keystone", "python", "printf", "twentysixth"),
        System("seatunnel", "java", "slf4j", "twentysixth"),
        System("seaweedfs", "go", "printf", "twentyseventh"),
        System("cinder", "python", "printf", "twentyseventh"),
        System("ranger", "java", "slf4j", "twentyseventh"),
        System("rook", "go", "printf", "twentyeighth"),
        System("swift", "python", "printf", "twentyeighth"),
        System("atlas", "java", "slf4j", "twentyeighth"),
        System("nomad", "go", "hclog", "twentyninth"),
        System("awx", "python", "printf", "twentyninth"),
        System("zeppelin", "java", "slf4j", "twentyninth"),
        System("tempo", "go", "gokit", "thirtieth"),
        System("frigate", "python", "printf", "thirtieth"),
        System("narayana", "java", "jboss", "thirtieth"),
        System("garage", "rust", "tracing", "thirtyfirst"),
        System("suricata", "c", "printf", "thirtyfirst"),
        System("duplicati", "csharp", "serilog", "thirtyfirst"),
        System("m3", "go", "zap", "thirtysecond"),
        System("deluge", "python", "printf", "thirtysecond"),
        System("chef", "ruby", "ruby", "thirtysecond"),
        System("longhorn", "go", "logrus", "thirtythird"),
        System("storm", "java", "slf4j", "thirtythird"),
        System("sequin", "elixir", "elixir", "thirtythird"),
        System("harness", "go", "zerolog", "thirtyfourth"),
        System("cobbler", "python", "printf", "thirtyfourth"),
        System("mesos", "cpp", "glog", "thirtyfourth"),
        System("tekton", "go", "zap", "thirtyfifth"),
        System("ozone", "java", "slf4j", "thirtyfifth"),
        System("ckan", "python", "printf", "thirtyfifth"),
        System("spire", "go", "logrus", "thirtysixth"),
        System("sssd", "c", "printf", "thirtysixth"),
        System("kanidm", "rust", "tracing", "thirtysixth"),
        System("helix", "java", "slf4j", "thirtyseventh"),
        System("manila", "python", "printf", "thirtyseventh"),
        System("postgresoperator", "go", "logrus", "thirtyseventh"),
        System("vaultwarden", "rust", "tracing", "thirtyeighth"),
        System("bitwarden", "csharp", "serilog", "thirtyeighth"),
        System("nomad-autoscaler", "go", "hclog", "thirtyeighth"),
        System("ironic", "python", "printf", "thirtyninth"),
        System("ratis", "java", "slf4j", "thirtyninth"),
        System("dex", "go", "slogjson", "thirtyninth"),
        System("heat", "python", "pymapping", "fortieth"),
        System("accumulo", "java", "slf4j", "fortieth"),
        System("hyprland", "cpp", "stdformat", "fortieth"),
        System("barbican", "python", "pymapping", "fortyfirst"),
        System("iceberg", "java", "slf4j", "fortyfirst"),
        System("podman", "go", "logrus", "fortyfirst"),
        System("flexget", "python", "loguru", "fortysecond"),
        System("komga", "kotlin", "kotlinlogging", "fortysecond"),
        System("crio", "go", "logrus", "fortysecond"),
        System("raiden", "python", "structlog", "fortythird"),
        System("buildah", "go", "logrus", "fortythird"),
        System("ort", "kotlin", "kotlinlogging", "fortythird"),
        System("lima", "go", "logrus", "fortyfourth"),
        System("virt-manager", "python", "pymapping", "fortyfourth"),
        System("waybar", "cpp", "stdformat", "fortyfourth"),
        System("moby", "go", "logrus", "fortyfifth"),
        System("nova", "python", "pymapping", "fortyfifth"),
        System("drill", "java", "slf4j", "fortyfifth"),
        System("ohai", "ruby", "ruby", "fortysixth"),
        System("watcher", "python", "pymapping", "fortysixth"),
        System("gobblin", "java", "slf4j", "fortysixth"),
        System("foreman", "ruby", "ruby", "fortyseventh"),
        System("glance", "python", "pymapping", "fortyseventh"),
        System("paimon", "java", "slf4j", "fortyseventh"),
        System("manageiq", "ruby", "ruby", "fortyeighth"),
        System("trove", "python", "pymapping", "fortyeighth"),
        System("kylin", "java", "slf4j", "fortyeighth"),
        System("amoro", "java", "slf4j", "fortyninth"),
        System("tez", "java", "slf4j", "fortyninth"),
        System("tacker", "python", "pymapping", "fortyninth"),
        System("pd", "go", "pingcap", "fiftieth"),
        System("hertzbeat", "java", "slf4j", "fiftieth"),
        System("zun", "python", "pymapping", "fiftieth"),
        System("wezterm", "rust", "tracing", "fiftyfirst"),
        System("sonarr", "csharp", "serilog", "fiftyfirst"),
        System("cemu", "cpp", "stdformat", "fiftyfirst"),
        System("databend", "rust", "tracing", "fiftysecond"),
        System("obs-studio", "c", "printf", "fiftysecond"),
        System("photoprism", "go", "logrus", "fiftysecond"),
        System("lxc", "c", "printf", "fiftythird"),
        System("skaffold", "go", "logrus", "fiftythird"),
        System("firecracker", "rust", "tracing", "fiftythird"),
        System("rustdesk", "rust", "tracing", "fiftyfourth"),
        System("tmux", "c", "printf", "fiftyfourth"),
        System("nerdctl", "go", "logrus", "fiftyfourth"),
        System("espanso", "rust", "tracing", "fiftyfifth"),
        System("dependabot", "ruby", "ruby", "fiftyfifth"),
        System("buildkit", "go", "logrus", "fiftyfifth"),
        System("zellij", "rust", "tracing", "fiftysixth"),
        System("greenshot", "csharp", "serilog", "fiftysixth"),
        System("sabnzbd", "python", "printf", "fiftysixth"),
        System("shadps4", "cpp", "stdformat", "fiftyseventh"),
        System("librespot", "rust", "tracing", "fiftyseventh"),
        System("mopidy", "python", "printf", "fiftyseventh"),
        System("jabref", "java", "slf4j", "fiftyeighth"),
        System("netnewswire", "swift", "swift", "fiftyeighth"),
        System("rebar3", "erlang", "erlang", "fiftyeighth"),
        System("ddclient", "perl", "perl", "fiftyninth"),
        System("magicmirror", "javascript", "nodejs", "fiftyninth"),
        System("acme-sh", "shell", "shell", "fiftyninth"),
        System("octoprint", "python", "printf", "sixtieth"),
        System("jmeter", "java", "slf4j", "sixtieth"),
        System("act", "go", "logrus", "sixtieth"),
        System("pghoard", "python", "printf", "sixtyfirst"),
        System("nutch", "java", "slf4j", "sixtyfirst"),
        System("k3d", "go", "logrus", "sixtyfirst"),
        System("sway", "c", "printf", "sixtysecond"),
        System("youki", "rust", "tracing", "sixtysecond"),
        System("myhoard", "python", "printf", "sixtysecond"),
        System("labwc", "c", "printf", "sixtythird"),
        System("stratisd", "rust", "tracing", "sixtythird"),
        System("solaar", "python", "printf", "sixtythird"),
        System("picom", "c", "printf", "sixtyfourth"),
        System("niri", "rust", "tracing", "sixtyfourth"),
        System("qtile", "python", "printf", "sixtyfourth"),
        System("mina-sshd", "java", "slf4j", "sixtyfifth"),
        System("cloud-hypervisor", "rust", "tracing", "sixtyfifth"),
        System("lutris", "python", "printf", "sixtyfifth"),
        System("cadvisor", "go", "klog", "sixtysixth"),
        System("tuned", "python", "printf", "sixtysixth"),
        System("kanata", "rust", "tracing", "sixtysixth"),
        System("minikube", "go", "klog", "sixtyseventh"),
        System("picard", "python", "printf", "sixtyseventh"),
        System("pinot", "java", "slf4j", "sixtyseventh"),
        System("pipewire", "c", "printf", "sixtyeighth"),
        System("uv", "rust", "tracing", "sixtyeighth"),
        System("anaconda", "python", "printf", "sixtyeighth"),
        System("cluster-autoscaler", "go", "klog", "sixtyninth"),
        System("hive", "java", "slf4j", "sixtyninth"),
        System("openttd", "cpp", "stdformat", "sixtyninth"),
        System("wpa-supplicant", "c", "printf", "seventieth"),
        System("pip", "python", "printf", "seventieth"),
        System("cargo", "rust", "tracing", "seventieth"),
        System("k3s", "go", "logrus", "seventyfirst"),
        System("hudi", "java", "slf4j", "seventyfirst"),
        System("esphome", "python", "printf", "seventyfirst"),
        System("mise", "rust", "tracing", "seventysecond"),
        System("seata", "java", "slf4j", "seventysecond"),
        System("mlflow", "python", "printf", "seventysecond"),
        System("broot", "rust", "tracing", "seventythird"),
        System("fwupd", "c", "printf", "seventythird"),
        System("mpd", "cpp", "stdformat", "seventythird"),
        System("oak", "java", "slf4j", "seventyfourth"),
        System("apprise", "python", "printf", "seventyfourth"),
        System("probe-rs", "rust", "tracing", "seventyfourth"),
        System("dovecot", "c", "printf", "seventyfifth"),
        System("victoriametrics", "go", "printf", "seventyfifth"),
        System("nifi", "java", "slf4j", "seventyfifth"),
        System("samza", "java", "slf4j", "seventysixth"),
        System("datalad", "python", "printf", "seventysixth"),
        System("forest", "rust", "tracing", "seventysixth"),
        System("lnd", "go", "printf", "seventyseventh"),
        System("flume", "java", "slf4j", "seventyseventh"),
        System("pyocd", "python", "printf", "seventyseventh"),
        System("phoenix", "java", "slf4j", "seventyeighth"),
        System("btcd", "go", "printf", "seventyeighth"),
        System("toil", "python", "printf", "seventyeighth"),
        System("hickory", "rust", "tracing", "seventyninth"),
        System("iotdb", "java", "slf4j", "seventyninth"),
        System("pyinstaller", "python", "printf", "seventyninth"),
        System("lotus", "go", "printf", "eightieth"),
        System("flowable", "java", "slf4j", "eightieth"),
        System("superset", "python", "printf", "eightieth"),
        System("solana", "rust", "tracing", "eightyfirst"),
        System("janusgraph", "java", "slf4j", "eightyfirst"),
        System("radicale", "python", "printf", "eightyfirst"),
        System("opensearch", "java", "slf4j", "eightysecond"),
        System("airflow", "python", "printf", "eightysecond"),
        System("ballista", "rust", "tracing", "eightysecond"),
        System("hugegraph", "java", "slf4j", "eightythird"),
        System("nautobot", "python", "printf", "eightythird"),
        System("opentofu", "go", "printf", "eightythird"),
        System("apacheds", "java", "slf4j", "eightyfourth"),
        System("prefect", "python", "printf", "eightyfourth"),
        System("buildkite-agent", "go", "printf", "eightyfourth"),
        System("pinpoint", "java", "slf4j", "eightyfifth"),
        System("jupyterhub", "python", "printf", "eightyfifth"),
        System("cfssl", "go", "printf", "eightyfifth"),
        System("syncope", "java", "slf4j", "eightysixth"),
        System("zuul", "python", "printf", "eightysixth"),
        System("packer", "go", "printf", "eightysixth"),
        System("tika", "java", "slf4j", "eightyseventh"),
        System("errbot", "python", "printf", "eightyseventh"),
        System("wal-g", "go", "printf", "eightyseventh"),
        System("apicurio-registry", "java", "slf4j", "eightyeighth"),
        System("alacritty", "rust", "tracing", "eightyeighth"),
        System("xcuitest-driver", "javascript", "nodejs", "eightyeighth"),
        System("blivet", "python", "printf", "eightyninth"),
        System("starship", "rust", "tracing", "eightyninth"),
        System("fastlane", "ruby", "ruby", "eightyninth"),
        System("sofa-jraft", "java", "slf4j", "ninetieth"),
        System("kiwi", "python", "printf", "ninetieth"),
        System("rustic", "rust", "tracing", "ninetieth"),
        System("syft", "go", "printf", "ninetyfirst"),
        System("sopel", "python", "printf", "ninetyfirst"),
        System("uiautomator2-driver", "javascript", "nodejs", "ninetyfirst"),
        System("unomi", "java", "slf4j", "ninetysecond"),
        System("designate", "python", "printf", "ninetysecond"),
        System("eksctl", "go", "printf", "ninetysecond"),
        System("bluez", "c", "printf", "ninetythird"),
        System("ceilometer", "python", "printf", "ninetythird"),
        System("lldpd", "c", "printf", "ninetythird"),
        System("openrct2", "cpp", "printf", "ninetyfourth"),
        System("neutron", "python", "printf", "ninetyfourth"),
        System("dgraph", "go", "printf", "ninetyfourth"),
        System("pacemaker", "c", "printf", "ninetyfifth"),
        System("skywalking", "java", "slf4j", "ninetyfifth"),
        System("ruffle", "rust", "tracing", "ninetyfifth"),
        System("multipath-tools", "c", "printf", "ninetysixth"),
        System("vitrage", "python", "printf", "ninetysixth"),
        System("atuin", "rust", "tracing", "ninetysixth"),
        System("ambari", "java", "slf4j", "ninetyseventh"),
        System("juicefs", "go", "printf", "ninetyseventh"),
        System("zwave-js-ui", "javascript", "nodejs", "ninetyseventh"),
        System("hapi-fhir", "java", "slf4j", "ninetyeighth"),
        System("mistral", "python", "printf", "ninetyeighth"),
        System("watchexec", "rust", "tracing", "ninetyeighth"),
        System("open-iscsi", "c", "printf", "ninetyninth"),
        System("rqlite", "go", "printf", "ninetyninth"),
        System("avahi", "c", "printf", "ninetyninth"),
        System("java-operator-sdk", "java", "slf4j", "hundredth"),
        System("kuryr-kubernetes", "python", "printf", "hundredth"),
        System("nut", "c", "printf", "hundredth"),
        System("lvm2", "c", "printf", "hundredfirst"),
        System("senlin", "python", "printf", "hundredfirst"),
        System("tgt", "c", "printf", "hundredfirst"),
        System("tcmu-runner", "c", "printf", "hundredsecond"),
        System("os-ken", "python", "printf", "hundredsecond"),
        System("corosync", "c", "printf", "hundredsecond"),
        System("linuxptp", "c", "printf", "hundredthird"),
        System("calibre-web", "python", "printf", "hundredthird"),
        System("cloudkitty", "python", "printf", "hundredthird"),
        System("frr", "c", "printf", "hundredfourth"),
        System("jbpm", "java", "slf4j", "hundredfourth"),
        System("gnocchi", "python", "printf", "hundredfourth"),
        System("ppsspp", "cpp", "printf", "hundredfifth"),
        System("iobroker", "javascript", "nodejs", "hundredfifth"),
        System("powerjob", "java", "slf4j", "hundredfifth"),
        System("boulder", "go", "printf", "hundredsixth"),
        System("streampipes", "java", "slf4j", "hundredsixth"),
        System("galaxy", "python", "printf", "hundredsixth"),
        System("xrdp", "c", "printf", "hundredseventh"),
        System("nodebb", "javascript", "nodejs", "hundredseventh"),
        System("deno", "rust", "tracing", "hundredseventh"),
        System("gravitino", "java", "slf4j", "hundredeighth"),
        System("vdsm", "python", "printf", "hundredeighth"),
        System("identityserver4", "csharp", "serilog", "hundredeighth"),
        System("rsyslog", "c", "printf", "hundredninth"),
        System("wikijs", "javascript", "nodejs", "hundredninth"),
        System("apptainer", "go", "printf", "hundredninth"),
        System("uniffle", "java", "slf4j", "hundredtenth"),
        System("freeipa", "python", "printf", "hundredtenth"),
        System("ombi", "csharp", "serilog", "hundredtenth"),
        System("crosvm", "rust", "tracing", "hundredeleventh"),
        System("etherpad", "javascript", "nodejs", "hundredeleventh"),
        System("kopia", "go", "printf", "hundredeleventh"),
        System("celeborn", "java", "slf4j", "hundredtwelfth"),
        System("ganeti", "python", "printf", "hundredtwelfth"),
        System("win-acme", "csharp", "serilog", "hundredtwelfth"),
        System("k0s", "go", "printf", "hundredthirteenth"),
        System("habitat", "rust", "tracing", "hundredthirteenth"),
        System("overseerr", "javascript", "nodejs", "hundredthirteenth"),
        System("polaris", "java", "slf4j", "hundredfourteenth"),
        System("subiquity", "python", "printf", "hundredfourteenth"),
        System("ersatztv", "csharp", "serilog", "hundredfourteenth"),
        System("snapd", "go", "printf", "hundredfifteenth"),
        System("quickwit", "rust", "tracing", "hundredfifteenth"),
        System("dvc", "python", "printf", "hundredfifteenth"),
        System("linkis", "java", "slf4j", "hundredsixteenth"),
        System("curtin", "python", "printf", "hundredsixteenth"),
        System("eventstore", "csharp", "serilog", "hundredsixteenth"),
        System("ceph-csi", "go", "printf", "hundredseventeenth"),
        System("nydus", "rust", "tracing", "hundredseventeenth"),
        System("matrix-appservice-irc", "javascript", "nodejs", "hundredseventeenth"),
        System("bookkeeper", "java", "slf4j", "hundredeighteenth"),
        System("klipper", "python", "printf", "hundredeighteenth"),
        System("wabbajack", "csharp", "serilog", "hundredeighteenth"),
        System("cubefs", "go", "printf", "hundrednineteenth"),
        System("clamav", "c", "printf", "hundrednineteenth"),
        System("openethereum", "rust", "tracing", "hundrednineteenth"),
        System("dspace", "java", "slf4j", "hundredtwentieth"),
        System("os-brick", "python", "printf", "hundredtwentieth"),
        System("knot-dns", "c", "printf", "hundredtwentieth"),
        System("gocryptfs", "go", "printf", "hundredtwentyfirst"),
        System("pijul", "rust", "tracing", "hundredtwentyfirst"),
        System("exceptionless", "csharp", "serilog", "hundredtwentyfirst"),
        System("jena", "java", "slf4j", "hundredtwentysecond"),
        System("trac", "python", "printf", "hundredtwentysecond"),
        System("homebrew", "ruby", "ruby", "hundredtwentysecond"),
        System("unleash", "javascript", "nodejs", "hundredtwentythird"),
        System("proxmox-backup", "rust", "tracing", "hundredtwentythird"),
        System("nexusmods", "csharp", "serilog", "hundredtwentythird"),
        System("nacos", "java", "slf4j", "hundredtwentyfourth"),
        System("perkeep", "go", "printf", "hundredtwentyfourth"),
        System("pulseaudio", "c", "printf", "hundredtwentyfourth"),
        System("kallithea", "python", "printf", "hundredtwentyfifth"),
        System("modemmanager", "c", "printf", "hundredtwentyfifth"),
        System("writefreely", "go", "printf", "hundredtwentyfifth"),
        System("openmrs", "java", "slf4j", "hundredtwentysixth"),
        System("limnoria", "python", "printf", "hundredtwentysixth"),
        System("aspire", "csharp", "serilog", "hundredtwentysixth"),
        System("grin", "rust", "tracing", "hundredtwentyseventh"),
        System("devlake", "go", "printf", "hundredtwentyseventh"),
        System("gladys", "javascript", "nodejs", "hundredtwentyseventh"),
    )
}

SPLITS = (
    "tuning",
    "held-out",
    "fresh",
    "unseen",
    "novel",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twentyfirst",
    "twentysecond",
    "twentythird",
    "twentyfourth",
    "twentyfifth",
    "twentysixth",
    "twentyseventh",
    "twentyeighth",
    "twentyninth",
    "thirtieth",
    "thirtyfirst",
    "thirtysecond",
    "thirtythird",
    "thirtyfourth",
    "thirtyfifth",
    "thirtysixth",
    "thirtyseventh",
    "thirtyeighth",
    "thirtyninth",
    "fortieth",
    "fortyfirst",
    "fortysecond",
    "fortythird",
    "fortyfourth",
    "fortyfifth",
    "fortysixth",
    "fortyseventh",
    "fortyeighth",
    "fortyninth",
    "fiftieth",
    "fiftyfirst",
    "fiftysecond",
    "fiftythird",
    "fiftyfourth",
    "fiftyfifth",
    "fiftysixth",
    "fiftyseventh",
    "fiftyeighth",
    "fiftyninth",
    "sixtieth",
    "sixtyfirst",
    "sixtysecond",
    "sixtythird",
    "sixtyfourth",
    "sixtyfifth",
    "sixtysixth",
    "sixtyseventh",
    "sixtyeighth",
    "sixtyninth",
    "seventieth",
    "seventyfirst",
    "seventysecond",
    "seventythird",
    "seventyfourth",
    "seventyfifth",
    "seventysixth",
    "seventyseventh",
    "seventyeighth",
    "seventyninth",
    "eightieth",
    "eightyfirst",
    "eightysecond",
    "eightythird",
    "eightyfourth",
    "eightyfifth",
    "eightysixth",
    "eightyseventh",
    "eightyeighth",
    "eightyninth",
    "ninetieth",
    "ninetyfirst",
    "ninetysecond",
    "ninetythird",
    "ninetyfourth",
    "ninetyfifth",
    "ninetysixth",
    "ninetyseventh",
    "ninetyeighth",
    "ninetyninth",
    "hundredth",
    "hundredfirst",
    "hundredsecond",
    "hundredthird",
    "hundredfourth",
    "hundredfifth",
    "hundredsixth",
    "hundredseventh",
    "hundredeighth",
    "hundredninth",
    "hundredtenth",
    "hundredeleventh",
    "hundredtwelfth",
    "hundredthirteenth",
    "hundredfourteenth",
    "hundredfifteenth",
    "hundredsixteenth",
    "hundredseventeenth",
    "hundredeighteenth",
    "hundrednineteenth",
    "hundredtwentieth",
    "hundredtwentyfirst",
    "hundredtwentysecond",
    "hundredtwentythird",
    "hundredtwentyfourth",
    "hundredtwentyfifth",
    "hundredtwentysixth",
    "hundredtwentyseventh",
)

# A piece of a line: its text and whether it is a value (``<*>`` in the truth).
Piece = tuple[str, bool]

_PRINTF = re.compile(r"%(?:%|[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|z|j|t|L)?[a-zA-Z])")


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _list(text: str) -> list[str]:
    return text.split()


_UNIT = re.compile(r"\s*(?:ms|millis|milliseconds|ns|us|µs|s|sec|secs|seconds|min|minutes)\b")
_MESSAGE_FORMAT = re.compile(r"\{(\d+)(,\s*number[^}]*)?(?:,[^}]*)?\}")
_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")

# Kinds of values, judged from the words of an argument expression or key, first match wins.
_HINTS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "number",
        _set(
            "len count cnt num total size bytes nbytes length attempt attempts "
            "retries retry pid port revision rev term index idx offset seq "
            "generation gen epoch limit max min capacity qps burst tokens "
            "version percent ratio rows pages blocks segments lsn xid oid "
            "lineno line n i j"
        ),
    ),
    ("error", _set("err error errors exception exc ex e cause throwable rerr failure")),
    (
        "duration",
        _set(
            "took duration timeout elapsed interval period delay latency ttl "
            "wait backoff age since after deadline"
        ),
    ),
    (
        "path",
        _set(
            "path paths file filename files dir directory mount mountpoint "
            "socket root dest src target location bundle folder"
        ),
    ),
    (
        "address",
        _set(
            "addr address addresses endpoint endpoints url urls uri host "
            "hostname peer peers remote listen ip server"
        ),
    ),
    ("state", _set("state status phase mode condition result health")),
    ("signal", _set("signal sig signo")),
    ("command", _set("cmd command binary exec program argv executable")),
    (
        "symbol",
        _set(
            "type kind reason code level action method op operation event "
            "policy strategy driver runtime protocol scheme format verb "
            "platform arch os stage step"
        ),
    ),
    (
        "id",
        _set(
            "id ids uuid uid digest hash checksum sha token key keys commit "
            "sandbox container snapshot task member cluster"
        ),
    ),
    (
        "name",
        _set(
            "name names user username owner repo repository pod node service "
            "unit namespace ns table keyspace db database relation rel relname "
            "entity domain plugin integration component module container image "
            "device iface interface column schema role tenant org team branch "
            "tag label host entry item object obj resource volume disk "
            "partition topic queue job"
        ),
    ),
)
_PLURAL_LISTS = _set(
    "keys endpoints names ids members peers nodes items values args "
    "urls addresses paths files tables columns hosts entries pods "
    "images tags labels"
)


def hint_words(expression: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(expression)]


def kind_of(expression: str, rng: random.Random) -> str:
    words = hint_words(expression)
    if words and words[-1] in ("string", "str", "name") and len(words) > 1:
        # x.String(), str(x): what x is.
        words = words[:-1] if words[-1] != "name" else words
    if any(w in ("len", "count", "cnt", "size", "num") for w in words[:1]):
        return "number"
    last = words[-1] if words else ""
    if last in _PLURAL_LISTS:
        return "list"
    for word in reversed(words):
        for kind, names in _HINTS:
            # Glued words too: filepath, peerurl.
            if word in names or any(len(n) >= 4 and word.endswith(n) for n in names):
                return kind
    return rng.choice(("name", "word", "number", "id", "symbol", "name"))


# -- values ---------------------------------------------------------------------------------

_VOCAB = _list(
    "alpha beta gamma delta default primary replica local backup main staging canary "
    "invoices orders billing maple cedar birch aurora nova vega orion atlas hermes zeus "
    "kitchen garden hallway frontend backend worker scheduler gateway storage metrics"
)
_STATES = {
    "upper": _list(
        "RUNNING STOPPED PENDING FAILED OFFLINE INACTIVE ACTIVE UNKNOWN READY "
        "NOT_READY DEGRADED PAUSED"
    ),
    "lower": _list(
        "active inactive failed activating deactivating running stopped pending "
        "unknown ready exited dead"
    ),
    "capital": _list("Running Pending Succeeded Failed Unknown Terminating Ready Waiting"),
}
_SYMBOLS = {
    "errno": _list("EACCES ENOSPC ENOENT EPERM EBUSY EAGAIN EEXIST EINVAL ETIMEDOUT"),
    "http": _list("GET POST PUT DELETE PATCH HEAD"),
    "goerr": _list(
        "os.ErrNotExist context.DeadlineExceeded io.EOF fs.ErrPermission "
        "context.Canceled net.ErrClosed"
    ),
    "proto": _list("tcp udp unix tcp4 tcp6"),
    "driver": _list("overlayfs native btrfs zfs devmapper"),
    "msg": _list("MsgApp MsgHeartbeat MsgSnap MsgVote MsgProp MsgReadIndex"),
    "lowerword": _list("json yaml toml xml protobuf"),
    "camel": _list("CreateContainer StartPodSandbox RemoveImage PullImage ListContainers"),
}
_SIGNALS = _list("SIGTERM SIGKILL SIGHUP SIGINT SIGCHLD SIGUSR1 SIGPIPE SIGQUIT")
_COMMANDS = _list("mount umount iptables runc systemctl git ssh-keygen ip modprobe tar unpigz")
_ERRNO_TEXT = (
    "No such file or directory",
    "Permission denied",
    "Device or resource busy",
    "No space left on device",
    "Connection refused",
    "Invalid argument",
    "Operation not permitted",
    "Resource temporarily unavailable",
    "Too many open files",
    "Connection timed out",
    "File exists",
    "Protocol error",
)
_GO_TYPES = ["*errors.errorString", "*fs.PathError", "*url.Error", "*net.OpError", "[]uint8"]


def _digits(rng: random.Random, low: int, high: int) -> str:
    return str(rng.randint(low, high))


def _hex(rng: random.Random, width: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(width))


def _ip(rng: random.Random) -> str:
    return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def _path(rng: random.Random) -> str:
    roots = ("/var/lib", "/run", "/etc", "/data", "/srv", "/home/git", "/tmp")
    parts = [rng.choice(roots)]
    for _ in range(rng.randint(1, 4)):
        form = rng.random()
        word = rng.choice(_VOCAB)
        if form < 0.5:
            parts.append(word)
        elif form < 0.75:
            parts.append(f"{word}-{rng.randint(1, 99)}")
        else:
            parts.append(_hex(rng, rng.choice((8, 12, 16))))
    if rng.random() < 0.5:
        parts[-1] += rng.choice((".db", ".log", ".json", ".conf", ".snap", ".sock"))
    return "/".join(parts)


def _address(rng: random.Random) -> str:
    form = rng.random()
    port = rng.choice((2379, 2380, 443, 6443, 8080, 5432, 9042, 8123, 3000))
    if form < 0.4:
        return f"{_ip(rng)}:{port}"
    if form < 0.6:
        return f"{rng.choice(_VOCAB)}-{rng.randint(0, 9)}.corp.internal:{port}"
    if form < 0.8:
        return f"https://{_ip(rng)}:{port}/{rng.choice(_VOCAB)}"
    return f"unix:///run/{rng.choice(_VOCAB)}/{rng.choice(_VOCAB)}.sock"


def _name_family(rng: random.Random) -> Callable[[random.Random], str]:
    """Names with numbers in them, partly masked by a careless miner: each family a shape."""
    base = rng.choice(_VOCAB)
    families: tuple[Callable[[random.Random], str], ...] = (
        lambda r: f"{r.choice(_VOCAB)}-{r.randint(1, 40)}",
        lambda r: f"node-{r.randint(1, 64)}.corp",
        lambda r: f"{base}-{r.randint(1, 12)}",
        lambda r: f"kube-system/{r.choice(_VOCAB)}-{_hex(r, 10)}-{_hex(r, 5)}",
        lambda r: f"user{r.randint(1, 30)}/repo{r.randint(1, 30)}",
        lambda r: f"sensor.{r.choice(_VOCAB)}_{r.choice(_VOCAB)}",
        lambda r: f"{r.choice(_VOCAB)}.service",
        lambda r: f"{r.choice(_VOCAB)}_{r.choice(_VOCAB)}",
        lambda r: r.choice(_VOCAB),
    )
    return rng.choice(families)


def _go_error(rng: random.Random) -> str:
    forms: tuple[Callable[[], str], ...] = (
        lambda: "context canceled",
        lambda: "context deadline exceeded",
        lambda: "EOF",
        lambda: "unexpected EOF",
        lambda: f"dial tcp {_ip(rng)}:{rng.choice((443, 2379, 2380))}: connect: connection refused",
        lambda: f"open {_path(rng)}: no such file or directory",
        lambda: (
            f"read tcp {_ip(rng)}:{rng.randint(30000, 60000)}->{_ip(rng)}:2380: read: "
            "connection reset by peer"
        ),
        lambda: "rpc error: code = Unavailable desc = connection closed",
        lambda: f'rpc error: code = NotFound desc = container "{_hex(rng, 64)}" not found',
        lambda: "i/o timeout",
        lambda: "etcdserver: request timed out",
        lambda: "x509: certificate has expired or is not yet valid",
        lambda: f"mkdir {_path(rng)}: file exists",
        lambda: (
            f"failed to {rng.choice(('mount', 'unmount', 'stat'))} {_path(rng)}: "
            f"{rng.choice(('permission denied', 'device or resource busy'))}"
        ),
        lambda: "permission denied",
    )
    return rng.choice(forms)()


def _python_error(rng: random.Random) -> str:
    forms: tuple[Callable[[], str], ...] = (
        lambda: "[Errno 111] Connection refused",
        lambda: "timed out",
        lambda: (
            f"Cannot connect to host {_ip(rng)}:8123 ssl:default [Connect call failed "
            f"('{_ip(rng)}', 8123)]"
        ),
        lambda: f"404, message='Not Found', url=URL('http://{_ip(rng)}/api/{rng.choice(_VOCAB)}')",
        lambda: "'NoneType' object has no attribute 'get'",
        lambda: f"[Errno 2] No such file or directory: '{_path(rng)}'",
        lambda: f"Invalid config for [{rng.choice(_VOCAB)}]: required key not provided",
        lambda: "Unexpected error",
        lambda: f"{rng.choice(_VOCAB)}",
    )
    return rng.choice(forms)()


def _java_error(rng: random.Random) -> str:
    forms: tuple[Callable[[], str], ...] = (
        lambda: "java.io.IOException: Broken pipe",
        lambda: "java.nio.file.NoSuchFileException: " + _path(rng),
        lambda: (
            "org.apache.cassandra.exceptions.UnavailableException: Cannot achieve "
            f"consistency level {rng.choice(('QUORUM', 'ONE', 'LOCAL_QUORUM'))}"
        ),
        lambda: "java.util.concurrent.TimeoutException",
        lambda: f"java.net.ConnectException: Connection refused: /{_ip(rng)}:7000",
        lambda: "java.lang.IllegalStateException: " + rng.choice(("closed", "not started")),
        lambda: "java.lang.OutOfMemoryError: Java heap space",
    )
    return rng.choice(forms)()


def _c_error(rng: random.Random) -> str:
    return rng.choice(_ERRNO_TEXT)


def _rust_error(rng: random.Random) -> str:
    forms: tuple[Callable[[], str], ...] = (
        lambda: "Connection refused (os error 111)",
        lambda: "No such file or directory (os error 2)",
        lambda: "Permission denied (os error 13)",
        lambda: "deadline has elapsed",
        lambda: "channel closed",
        lambda: "connection reset by peer",
        lambda: f"invalid block height: {rng.randint(1, 3_000_000)}",
        lambda: 'Io(Custom { kind: UnexpectedEof, error: "early eof" })',
        lambda: 'Os { code: 98, kind: AddrInUse, message: "Address already in use" }',
        lambda: "Elapsed(())",
        lambda: "Overloaded",
    )
    return rng.choice(forms)()


def _javascript_error(rng: random.Random) -> str:
    forms: tuple[Callable[[], str], ...] = (
        lambda: f"Error: connect ECONNREFUSED {_ip(rng)}:{rng.choice((8581, 51826, 5540))}",
        lambda: f"Error: listen EADDRINUSE: address already in use :::{rng.randint(5000, 60000)}",
        lambda: "TypeError: Cannot read properties of undefined (reading 'displayName')",
        lambda: f"Error: ENOENT: no such file or directory, open '{_path(rng)}'",
        lambda: "Error: Request timed out",
        lambda: f"SyntaxError: Unexpected token }} in JSON at position {rng.randint(1, 900)}",
        lambda: "Error: Commissioning window is not open",
    )
    return rng.choice(forms)()


def _erlang_error(rng: random.Random) -> str:
    """An Erlang term given as a reason, as ~p prints it."""
    forms: tuple[Callable[[], str], ...] = (
        lambda: "timeout",
        lambda: "noproc",
        lambda: "normal",
        lambda: "{error,enoent}",
        lambda: "{error,eacces}",
        lambda: "{shutdown,killed}",
        lambda: "{badmatch,{error,closed}}",
        lambda: f"{{nodedown,'couchdb@{_ip(rng)}'}}",
        lambda: f"{{'EXIT',<0.{rng.randint(100, 30000)}.0>,killed}}",
        lambda: "{timeout,{gen_server,call,[couch_server,get_spidermonkey_version]}}",
        lambda: "{not_found,missing}",
        lambda: "database_does_not_exist",
    )
    return rng.choice(forms)()


def _ruby_error(rng: random.Random) -> str:
    forms: tuple[Callable[[], str], ...] = (
        lambda: (
            f"Failed to open TCP connection to {_ip(rng)}:8140 (Connection refused - "
            f'connect(2) for "{_ip(rng)}" port 8140)'
        ),
        lambda: "execution expired",
        lambda: f"No such file or directory @ rb_sysopen - {_path(rng)}",
        lambda: f"Permission denied @ dir_s_mkdir - {_path(rng)}",
        lambda: "undefined method `[]' for nil:NilClass",
        lambda: (
            "SSL_connect returned=1 errno=0 state=error: certificate verify failed "
            "(self signed certificate in certificate chain)"
        ),
        lambda: f"Could not find class ::profile::{rng.choice(_VOCAB)} for {_ip(rng)}",
        lambda: "Error 500 on SERVER: Server Error: Evaluation Error",
    )
    return rng.choice(forms)()


def _perl_error(rng: random.Random) -> str:
    forms: tuple[Callable[[], str], ...] = (
        lambda: "connect timed out",
        lambda: "Connection refused",
        lambda: f"lookup timed out at /usr/share/perl5/Mail/DNS.pm line {rng.randint(100, 999)}.",
        lambda: "DBD::mysql::st execute failed: Lost connection to MySQL server during query",
        lambda: "__alarm__ignore__(10)",
        lambda: f"Can't locate {rng.choice(_VOCAB)}.pm in @INC",
        lambda: "Resource temporarily unavailable",
    )
    return rng.choice(forms)()


def _csharp_error(rng: random.Random) -> str:
    """An exception given as a value: its ToString's first line."""
    forms: tuple[Callable[[], str], ...] = (
        lambda: "System.TimeoutException: The operation has timed out.",
        lambda: "System.OperationCanceledException: The operation was canceled.",
        lambda: (
            "Orleans.Runtime.SiloUnavailableException: The target silo became unavailable "
            f"for message: S{_ip(rng)}:11111:{rng.randint(100000000, 999999999)}"
        ),
        lambda: f"System.Net.Sockets.SocketException (111): Connection refused {_ip(rng)}:11111",
        lambda: "System.InvalidOperationException: Sequence contains no elements",
        lambda: "System.IO.IOException: Unable to read data from the transport connection",
        lambda: (
            "Azure.RequestFailedException: The specified entity already exists. "
            "Status: 409 (Conflict)"
        ),
        lambda: "Orleans.Storage.InconsistentStateException: ETag mismatch",
    )
    return rng.choice(forms)()


def _cpp_error(rng: random.Random) -> str:
    """Kudu's Status::ToString: the code's text, then the message."""
    forms: tuple[Callable[[], str], ...] = (
        lambda: (
            f"Network error: Client connection negotiation failed: client connection to "
            f"{_ip(rng)}:7050: connect: Connection refused (error 111)"
        ),
        lambda: f"Timed out: Write RPC to {_ip(rng)}:7050 timed out after 10.000s",
        lambda: f"Not found: tablet {_hex(rng, 32)} not found",
        lambda: "Service unavailable: Thread pool is at capacity (1/1 tasks running)",
        lambda: "Illegal state: replica is not leader of this config",
        lambda: f"IO error: {_path(rng)}: No space left on device (error 28)",
        lambda: "Already present: table already exists",
        lambda: "Aborted: Op aborted by new leader",
        lambda: "Invalid argument: column name must not be empty",
        lambda: "Corruption: checksum mismatch",
    )
    return rng.choice(forms)()


def _php_error(rng: random.Random) -> str:
    """An exception's getMessage(), or a Status' text."""
    forms: tuple[Callable[[], str], ...] = (
        lambda: "Lock wait timeout exceeded; try restarting transaction",
        lambda: f"Cannot access the database: Connection refused ({_ip(rng)})",
        lambda: "Call to a member function getId() on null",
        lambda: f"Could not acquire lock for '{rng.choice(_VOCAB)}'",
        lambda: "The revision you requested does not exist.",
        lambda: f"failed to open stream: No such file or directory ({_path(rng)})",
        lambda: "Deadlock found when trying to get lock; try restarting transaction",
        lambda: "Invalid title",
    )
    return rng.choice(forms)()


def _elixir_error(rng: random.Random) -> str:
    """A reason written by to_string or Exception.message/1."""
    forms: tuple[Callable[[], str], ...] = (
        lambda: "timeout",
        lambda: "closed",
        lambda: "econnrefused",
        lambda: "nxdomain",
        lambda: "socket closed",
        lambda: f"failed to connect to {_ip(rng)}:443: connection refused",
        lambda: "the connection was closed by the remote host",
        lambda: "vehicle unavailable",
    )
    return rng.choice(forms)()


# Terms inspect/1 writes for a reason, an error or an unexpected message.
_ELIXIR_TERMS: tuple[Callable[[random.Random], str], ...] = (
    lambda r: r.choice((":timeout", ":closed", ":unauthorized", ":vehicle_unavailable")),
    lambda r: f"{{:error, {r.choice((':timeout', ':closed', ':econnrefused', ':nxdomain'))}}}",
    lambda r: f"%Mint.TransportError{{reason: {r.choice((':timeout', ':closed'))}}}",
    lambda r: (
        f"%TeslaApi.Error{{reason: {r.choice((':unauthorized', ':too_many_request'))}, "
        f"message: nil, env: nil}}"
    ),
    lambda r: (
        f"{{:DOWN, #Reference<0.{r.randint(1, 9999)}.{r.randint(1, 9999)}.1>, :process, "
        f"#PID<0.{r.randint(100, 9999)}.0>, :normal}}"
    ),
    lambda r: (
        f'%{{"state" => "{r.choice(("online", "asleep", "offline"))}", "id" => '
        f"{r.randint(10**10, 10**11)}}}"
    ),
)
_ELIXIR_ATOMS = _list("online offline asleep charging driving suspended updating start idle")


def _thread_id(rng: random.Random) -> str:
    return str(rng.randint(2, 400))


def _kotlin_error(rng: random.Random) -> str:
    """A Throwable as Kotlin's string template writes it (toString), or its message."""
    forms: tuple[Callable[[], str], ...] = (
        lambda: f'java.net.UnknownHostException: Unable to resolve host "{_ip(rng)}"',
        lambda: "java.net.SocketTimeoutException: timeout",
        lambda: "java.io.IOException: Canceled",
        lambda: (
            "Failure.ServerError(error=MatrixError(code=M_FORBIDDEN, message=You are not "
            "invited to this room.), httpCode=403)"
        ),
        lambda: (
            "Failure.NetworkConnection(ioException=java.net.ConnectException: Failed to connect)"
        ),
        lambda: "java.lang.IllegalStateException: " + rng.choice(("closed", "No session")),
        lambda: f"Unable to decrypt: {rng.choice(('UNKNOWN_INBOUND_SESSION_ID', 'OLM_BAD_ROOM'))}",
    )
    return rng.choice(forms)()


_MATRIX_SERVERS = _list("matrix.org element.io example.com chat.corp.internal")


def _matrix_id(sigil: str) -> Callable[[random.Random], str]:
    """A Matrix id: a room !opaque:server, a user @name:server, an event $ and 43 base64 chars."""
    letters = string.ascii_letters + string.digits

    def draw(r: random.Random) -> str:
        if sigil == "$":
            return "$" + "".join(r.choice(letters + "-_") for _ in range(43))
        local = "".join(r.choice(letters) for _ in range(18)) if sigil == "!" else r.choice(_VOCAB)
        if sigil == "@":
            local = f"{local}{r.randint(1, 99)}"
        return f"{sigil}{local}:{r.choice(_MATRIX_SERVERS)}"

    return draw


def _kotlin_slot(hint: str, rng: random.Random) -> Slot:
    """A value of "$x" or "${expr}" in Element: a Matrix room, event or user id, or what the
    expression says, written by its toString."""
    words = hint_words(hint)
    last = words[-1] if words else ""
    for sigil, names in (("!", ("roomid",)), ("$", ("eventid",)), ("@", ("userid", "sender"))):
        if last in names or "".join(words[-2:]) in names:
            draw = _matrix_id(sigil)
            return Slot("id", draw, [draw(rng) for _ in range(rng.randint(3, 20))])
    return make_slot(kind_of(hint, rng), "kotlin", rng)


def _kotlin_value(hint: str, rng: random.Random) -> Slot:
    """A value of "$x" or "${expr}" in a kotlin-logging lambda: what the expression says,
    written by its toString."""
    return make_slot(kind_of(hint, rng), "kotlin", rng)


def _lua_error(rng: random.Random) -> str:
    # io.open's and os.remove's messages, the system's error after the path
    return f"{_path(rng)}: {rng.choice(_ERRNO_TEXT)}"


def _scala_error(rng: random.Random) -> str:
    """A Throwable as Pekko's {} writes it (toString), or its getMessage."""
    forms: tuple[Callable[[], str], ...] = (
        lambda: "java.io.IOException: Broken pipe",
        lambda: f"java.net.ConnectException: Connection refused: /{_ip(rng)}:7355",
        lambda: "java.util.concurrent.TimeoutException: Futures timed out after [5 seconds]",
        lambda: "org.apache.pekko.pattern.AskTimeoutException: Ask timed out",
        lambda: "org.apache.pekko.remote.artery.OutboundHandshake$HandshakeTimeoutException",
        lambda: "java.lang.IllegalStateException: " + rng.choice(("closed", "not started")),
        lambda: "Ask timed out",
    )
    return rng.choice(forms)()


def _pekko_address(rng: random.Random) -> str:
    return f"pekko://ClusterSystem@{_ip(rng)}:{rng.choice((7355, 7356, 25520, 2552))}"


_PEKKO_STATUSES = _list("Joining WeaklyUp Up Leaving Exiting Down Removed PreparingForShutdown")
_PEKKO_TYPES = _list("Cart Account Device ShoppingCart Counter Order Session Ticket")
_PEKKO_CLASSES = _list(
    "org.apache.pekko.cluster.GossipEnvelope org.apache.pekko.remote.artery.SystemMessageEnvelope "
    "org.apache.pekko.cluster.sharding.ShardRegion$StartEntity com.example.Cart$AddItem "
    "org.apache.pekko.actor.Identify com.example.Device$RecordTemperature"
)


def _scala_slot(hint: str, rng: random.Random) -> Slot:
    """A value of {} or "$x" in Pekko, written by its toString: an Address, an ActorRef, a
    UniqueAddress's uid, a class name, an entity type, or what the expression says."""
    words = hint_words(hint)
    last = words[-1] if words else ""
    pair = "".join(words[-2:])  # camelCase read as one: typeName, replyTo, shardId
    if hint.endswith(")") and "(" in hint and "classname" not in "".join(words):
        last = pair = words[-2] if len(words) > 1 and words[-1] in ("message", "msg") else last
    if "class" in words:  # getClass.getName, messageClassName(msg)
        return _choice_slot(rng.sample(_PEKKO_CLASSES, rng.randint(2, 4)))
    if pair in ("typename", "shardid", "replyto", "serializerid", "shardregionfrom"):
        last = pair
    if last in ("address", "from", "to", "node", "selfaddress", "remoteaddress", "localaddress"):
        return Slot("address", _pekko_address, [_pekko_address(rng) for _ in range(4)])
    if last in ("uid", "originuid", "serializerid"):
        return Slot("number", lambda r: str(r.randint(-(2**31), 2**31 - 1)), None)
    if last == "status":
        return _choice_slot(rng.sample(_PEKKO_STATUSES, rng.randint(2, 5)))
    if last in (
        "sender",
        "ref",
        "region",
        "recipient",
        "replyto",
        "shardregionfrom",
        "coordinator",
    ):

        def ref(r: random.Random) -> str:
            path = r.choice(("system/sharding/", "user/", "system/cluster/core/daemon/"))
            where = f"{path}{r.choice(_PEKKO_TYPES)}"
            return f"Actor[{_pekko_address(r)}/{where}#{r.randint(-(2**31), 2**31 - 1)}]"

        return Slot("name", ref, [ref(rng) for _ in range(5)])
    if last == "typename":
        return _choice_slot(rng.sample(_PEKKO_TYPES, rng.randint(1, 4)))
    if last in ("shard", "shardid"):
        return Slot("number", lambda r: str(r.randint(0, 999)), None)
    if last in ("getmessage", "cause", "reason") or hint.endswith(".getMessage"):
        return make_slot("error", "scala", rng)
    return make_slot(kind_of(hint, rng), "scala", rng)


def _elixir_slot(hint: str, rng: random.Random) -> tuple[Slot, str]:
    """A value of "#{expr}": inspect/1's term (a string in double quotes, an atom :name, a
    tuple, a struct), Exception.message/1's text, or to_string of what the expression says
    (an atom bare)."""
    inspected = re.fullmatch(r"inspect\((.*?)(?:, pretty: true)?\)", hint)
    if hint.startswith("Exception.message("):
        return make_slot("error", "elixir", rng), "plain"
    if inspected is None:
        kind = kind_of(hint, rng)
        if kind in ("state", "symbol"):  # an atom, written bare
            return _choice_slot(rng.sample(_ELIXIR_ATOMS, rng.randint(2, 5))), "plain"
        return make_slot(kind, "elixir", rng), "plain"
    words = hint_words(inspected.group(1))
    last = words[-1] if words else ""
    if last in _ERLANG_TERMS or last in ("t", "message", "data", "stream"):
        family = rng.sample(_ELIXIR_TERMS, rng.randint(1, 3))
        return Slot("term", lambda r: r.choice(family)(r), None), "plain"
    kind = kind_of(inspected.group(1), rng)
    if kind in ("state", "symbol"):
        atoms = [":" + atom for atom in rng.sample(_ELIXIR_ATOMS, rng.randint(2, 5))]
        return _choice_slot(atoms), "plain"
    if kind in _RUST_QUOTED:  # a string: "text"
        return make_slot(kind, "elixir", rng), "go-quoted"
    return make_slot(kind, "elixir", rng), "plain"


_ZIG_ERRORS = _list(
    "OutOfMemory InvalidValue WriteFailed InvalidFormat EndOfStream FileNotFound AccessDenied "
    "Overflow NotFound SystemResources NoSpaceLeft InvalidUtf8 BrokenPipe Unexpected"
)


def _zig_error(rng: random.Random) -> str:
    return "error." + rng.choice(_ZIG_ERRORS)


_SWIFT_ERRORS: tuple[Callable[[random.Random], str], ...] = (
    lambda r: f'ResponseError(code: ErrorCode(rawValue: -32001), message: "{r.choice(_VOCAB)}")',
    lambda r: "Request cancelled",
    lambda r: (
        f"The file “{r.choice(_VOCAB)}.swift” couldn’t be opened because there is no such file."  # noqa: RUF001
    ),
    lambda r: f"sourcekitd crashed ({r.choice(('SIGSEGV', 'SIGABRT', 'SIGKILL'))})",
    lambda r: f"Timeout after {r.randint(1, 300)} seconds",
    lambda r: "The operation couldn’t be completed. (SourceKitD.SKDError error 3.)",  # noqa: RUF001
    lambda r: f"Failed to decode JSON: missing key “{r.choice(_VOCAB)}”",
)


# opam's exceptions as Printexc.to_string prints them.
_OCAML_ERRORS: tuple[Callable[[random.Random], str], ...] = (
    lambda r: f'Unix.Unix_error(Unix.ENOENT, "open", "{_path(r)}")',
    lambda r: f'Sys_error("{_path(r)}: No such file or directory")',
    lambda r: "Not_found",
    lambda r: f'Failure("{r.choice(_VOCAB)}: bad format")',
    lambda r: f'Invalid_argument("{r.choice(_VOCAB)}")',
    lambda r: "Stack_overflow",
)

# Dart errors as their toString writes them (AppFlowy's).
_DART_ERRORS: tuple[Callable[[random.Random], str], ...] = (
    lambda r: (
        "SocketException: Connection refused (OS Error: Connection refused, errno = 111), "
        f"address = {_ip(r)}, port = {r.randint(1024, 65535)}"
    ),
    lambda r: (
        f"FileSystemException: Cannot open file, path = '{_path(r)}' "
        "(OS Error: No such file or directory, errno = 2)"
    ),
    lambda r: f"TimeoutException after 0:00:{r.randint(1, 59):02d}.000000: Future not completed",
    lambda r: "HandshakeException: Connection terminated during handshake",
    lambda r: f"FormatException: Unexpected character (at character {r.randint(1, 400)})",
    lambda r: "Null check operator used on a null value",
)

# Hammerspoon's NSError descriptions and localizedDescription texts.
_OBJC_ERRORS: tuple[Callable[[random.Random], str], ...] = (
    lambda r: (
        f'Error Domain=NSCocoaErrorDomain Code=260 "The file “{r.choice(_VOCAB)}” couldn’t be'  # noqa: RUF001
        ' opened because there is no such file."'
    ),
    lambda r: (
        "The operation couldn’t be completed. "  # noqa: RUF001
        f"(OSStatus error {r.choice((-50, -43, -600))}.)"
    ),
    lambda r: 'Error Domain=NSPOSIXErrorDomain Code=13 "Permission denied"',
    lambda r: f"Error Domain=NSURLErrorDomain Code={r.choice((-1001, -1004, -1009))}",
    lambda r: "The request timed out.",
    lambda r: "A server with the specified hostname could not be found.",
)

_ERRORS = {
    "go": _go_error,
    "python": _python_error,
    "java": _java_error,
    "c": _c_error,
    "rust": _rust_error,
    "javascript": _javascript_error,
    "erlang": _erlang_error,
    "ruby": _ruby_error,
    "perl": _perl_error,
    "csharp": _csharp_error,
    "cpp": _cpp_error,
    "php": _php_error,
    "elixir": _elixir_error,
    "kotlin": _kotlin_error,
    "scala": _scala_error,
    "lua": _lua_error,
    "zig": _zig_error,
    "swift": lambda r: r.choice(_SWIFT_ERRORS)(r),
    "shell": _c_error,
    "ocaml": lambda r: r.choice(_OCAML_ERRORS)(r),
    "dart": lambda r: r.choice(_DART_ERRORS)(r),
    "objc": lambda r: r.choice(_OBJC_ERRORS)(r),
}


def _duration(rng: random.Random, language: str) -> str:
    if language == "go":
        form = rng.random()
        if form < 0.4:
            return f"{rng.uniform(0.001, 30):.{rng.randint(3, 9)}f}s".replace(".", ".", 1)
        if form < 0.7:
            return f"{rng.randint(1, 999)}ms"
        if form < 0.85:
            return f"{rng.randint(1, 59)}m{rng.randint(0, 59)}s"
        return f"{rng.uniform(1, 999):.1f}µs"
    if language == "python":
        return f"{rng.uniform(0, 60):.{rng.randint(1, 3)}f}"
    if language == "java":
        return f"{rng.randint(1, 99999)}ms"
    if language == "rust":  # Duration's Debug
        form = rng.random()
        if form < 0.5:
            return f"{rng.uniform(0.001, 120):.{rng.randint(1, 9)}f}s"
        if form < 0.8:
            return f"{rng.randint(1, 999)}ms"
        return f"{rng.uniform(1, 999):.3f}µs"
    if language in ("javascript", "erlang", "kotlin"):  # milliseconds
        return str(rng.randint(1, 60000))
    if language in ("ruby", "perl"):  # Float seconds
        return f"{rng.uniform(0, 60):.{rng.randint(1, 6)}f}"
    if language == "csharp":  # TimeSpan: hh:mm:ss.fffffff
        return f"00:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 9999999):07d}"
    if language == "elixir":  # TeslaMate's durations: a number of minutes or milliseconds
        return str(rng.randint(1, 600))
    if language == "php":  # a float in seconds, as (string) writes it
        return f"{rng.uniform(0, 60):.{rng.randint(1, 6)}f}"
    if language == "scala":  # FiniteDuration's toString
        return f"{rng.randint(1, 999)} {rng.choice(('milliseconds', 'seconds', 'millis', 'ms'))}"
    if language == "lua":  # Lsyncd's delays and intervals: a number of seconds
        return str(rng.randint(1, 600))
    if language == "cpp":  # Kudu's MonoDelta::ToString
        return f"{rng.uniform(0, 60):.3f}s"
    return f"{rng.randint(1, 9999)} ms"


@dataclass(slots=True)
class Slot:
    """One value position of one event: its kind and the values it takes."""

    kind: str
    draw: Callable[[random.Random], str]
    pool: list[str] | None  # values repeat from this pool; None: new every time
    quoted: bool = False

    def value(self, rng: random.Random) -> str:
        if self.pool is None:
            return self.draw(rng)
        # Skewed: the first values of the pool come up most often.
        return self.pool[
            min(int(rng.expovariate(1.0 / max(len(self.pool) / 3, 0.5))), len(self.pool) - 1)
        ]


def make_slot(kind: str, language: str, rng: random.Random, verb: str = "") -> Slot:
    """A value position: how its values look and how often they repeat."""

    def pooled(draw: Callable[[random.Random], str], low: int, high: int) -> Slot:
        pool = [draw(rng) for _ in range(rng.randint(low, high))]
        return Slot(kind, draw, pool)

    if kind == "number":
        magnitude = rng.choice((9, 99, 999, 99999, 10**9))
        return Slot(kind, lambda r: str(r.randint(0, magnitude)), None)
    if kind == "float":
        places = int(verb[2]) if verb.startswith("%.") and verb[2:3].isdigit() else 6
        return Slot(kind, lambda r: f"{r.uniform(0, 1000):.{places}f}", None)
    if kind == "hex":
        width = int(verb[2:-1]) if re.fullmatch(r"%0\d+[xX]", verb) else 0
        upper = verb.endswith("X")

        def hexa(r: random.Random) -> str:
            text = _hex(r, width or r.randint(1, 8))
            return text.upper() if upper else text

        return Slot(kind, hexa, None)
    if kind == "pointer":
        return Slot(kind, lambda r: "0x7f" + _hex(r, 10), None)
    if kind == "char":
        return pooled(lambda r: r.choice(string.ascii_letters), 2, 5)
    if kind == "bool":
        words = ("True", "False") if language == "python" else ("true", "false")
        return Slot(kind, lambda r: r.choice(words), list(words))
    if kind == "duration":
        return Slot(kind, lambda r: _duration(r, language), None)
    if kind == "errno":
        return pooled(lambda r: r.choice(_ERRNO_TEXT), 1, 4)
    if kind == "error":
        return pooled(_ERRORS[language], 2, 10)
    if kind == "path":
        return pooled(_path, 3, 20)
    if kind == "address":
        return pooled(_address, 2, 12)
    if kind == "state":
        family = _STATES[rng.choice(tuple(_STATES))]
        return Slot(kind, lambda r: r.choice(family), rng.sample(family, rng.randint(2, 6)))
    if kind == "signal":
        return Slot(kind, lambda r: r.choice(_SIGNALS), rng.sample(_SIGNALS, rng.randint(2, 4)))
    if kind == "command":
        return Slot(kind, lambda r: r.choice(_COMMANDS), rng.sample(_COMMANDS, rng.randint(2, 5)))
    if kind == "symbol":
        family = _SYMBOLS[rng.choice(tuple(_SYMBOLS))]
        return Slot(kind, lambda r: r.choice(family), rng.sample(family, rng.randint(2, 5)))
    if kind == "id":
        width = rng.choice((7, 12, 16, 32, 64))
        form = rng.random()
        if form < 0.2:
            return Slot(kind, lambda r: "sha256:" + _hex(r, 64), None)
        if form < 0.4:
            return Slot(
                kind,
                lambda r: "-".join(_hex(r, n) for n in (8, 4, 4, 4, 12)),
                None,
            )
        return Slot(kind, lambda r: _hex(r, width), None)
    if kind == "name":
        return pooled(_name_family(rng), 3, 30)
    if kind == "word":
        return Slot(kind, lambda r: r.choice(_VOCAB), rng.sample(_VOCAB, rng.randint(3, 8)))
    if kind == "gotype":
        return Slot(kind, lambda r: r.choice(_GO_TYPES), rng.sample(_GO_TYPES, 3))
    if kind == "model":
        # gitea's %-v: a model's LogString.
        model = rng.choice(("Repository", "User", "PullRequest", "Issue"))
        return Slot(kind, lambda r: f"<{model} {r.randint(1, 500)}:user{r.randint(1, 9)}>", None)
    if kind == "timestamp":
        return Slot(
            kind,
            lambda r: (
                f"2026-12-{r.randint(1, 28):02d}T{r.randint(0, 23):02d}:"
                f"{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z"
            ),
            None,
        )
    if kind == "list":
        item = make_slot(rng.choice(("name", "id", "address", "word")), language, rng)
        return Slot(
            kind, lambda r: "\x00".join(item.value(r) for _ in range(r.randint(1, 5))), None
        )
    raise ValueError(f"unknown kind {kind}")


def format_list(items: str, language: str, style: str) -> str:
    values = items.split("\x00")
    if style in ("zap", "zerolog", "logr", "logrusjson", "slogjson"):
        return json.dumps(values, separators=(",", ":"))
    if style == "pingcap":  # pingcap/log's text array: [a,b], each item quoted if it must be
        written = [json.dumps(v, ensure_ascii=False) if _needs_json(v) else v for v in values]
        return "[" + ",".join(written) + "]"
    if language == "lua":  # Lsyncd writes a table as its address
        return f"(Table: 0x55{zlib.crc32(items.encode()):08x})"
    if language == "python":
        return "[" + ", ".join(repr(v) for v in values) + "]"
    if language in ("java", "kotlin"):  # List.toString
        return "[" + ", ".join(values) + "]"
    if language == "scala":  # a Set's or Vector's toString
        return ("Set(" if len(values) % 2 else "Vector(") + ", ".join(values) + ")"
    if language == "rust":  # a Vec's Debug
        return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"
    if language == "javascript":  # most often joined by the call (list.join(', '))
        return ", ".join(values)
    if language == "ruby":  # Array#to_s is inspect
        return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"
    if language == "perl":  # "@list": joined by $", a space
        return " ".join(values)
    if style == "serilog":  # Serilog's sequence: ["a", "b"]
        return "[" + ", ".join('"' + v.replace('"', '\\"') + '"' for v in values) + "]"
    if language in ("csharp", "cpp"):  # a sequence in a template; JoinStrings(x, ", ")
        return ", ".join(values)
    if language == "elixir":  # inspect/1 of a list of strings
        return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"
    if language == "php":  # LegacyLogger writes an array as its size
        return f"[Array({len(values)})]"
    if language == "erlang":  # ~p of a list of binaries
        return "[" + ",".join(f'<<"{v}">>' for v in values) + "]"
    return "[" + " ".join(values) + "]"


def verb_kind(verb: str, hint: str, language: str, rng: random.Random) -> tuple[str, bool]:
    """Kind of a printf value from its verb and argument; and whether the verb quotes it."""
    conversion = verb[-1]
    if verb == "%m" or hint == "<errno>":
        return "errno", False
    if verb in ("%-v", "%-+v"):
        return "model", False
    if verb == "%T":
        return "gotype", False
    if verb == "%w":
        return "error", False
    if conversion in "diu" or verb.endswith(("ld", "lu", "zu", "lld", "llu", "hd")):
        kind = kind_of(hint, rng)
        return ("duration" if kind == "duration" and language != "go" else "number"), False
    if conversion in "feEgG":
        return "float", False
    if conversion in "xX":
        return "hex", False
    if conversion == "p":
        return "pointer", False
    if conversion == "c":
        return "char", False
    if conversion == "t":
        return "bool", False
    if conversion in ("q", "r"):
        return kind_of(hint, rng), True
    return kind_of(hint, rng), False


# -- events and lines -----------------------------------------------------------------------


@dataclass(slots=True)
class Event:
    """One logging call, ready to render lines: a list of constant texts and slots."""

    parts: list[str | tuple[Slot, str]]  # text, or (slot, rendering: plain/quoted/list/...)

    def render(self, rng: random.Random, system: System) -> list[Piece]:
        pieces: list[Piece] = []
        escaping = False  # inside a message logrus quotes (strconv.Quote)
        for part in self.parts:
            if part == ESCAPE:
                escaping = not escaping
                continue
            if isinstance(part, str):
                pieces.append((_escaped(part) if escaping else part, False))
                continue
            slot, how = part
            value = slot.value(rng)
            if slot.kind == "list":
                value = format_list(value, system.language, system.style)
            quoted = _quote(value, how, system)
            if escaping:
                quoted = [(_escaped(text), variable) for text, variable in quoted]
            pieces.extend(quoted)
        return pieces


# Marks the stretch of an event's parts that the logger quotes as one string.
ESCAPE = "\x01"


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _quote(value: str, how: str, system: System) -> list[Piece]:
    """A value as the software prints it; quotes that are always there are constant text."""
    if how == "go-quoted":
        inner = json.dumps(value, ensure_ascii=False)[1:-1]
        return [('"', False), (inner, True), ('"', False)]
    if how == "go-backquoted":
        if "`" not in value and value.isprintable():
            return [("`", False), (value, True), ("`", False)]
        inner = json.dumps(value, ensure_ascii=False)[1:-1]
        return [('"', False), (inner, True), ('"', False)]
    if how in ("json", "json-quoted"):
        # A value inside a string Go's encoding/json writes (logrus' JSONFormatter's "msg"),
        # %q's quotes escaped with it.
        if how == "json-quoted":
            return [('\\"', False), (_go_json(json.dumps(value)[1:-1]), True), ('\\"', False)]
        return [(_go_json(value), True)]
    if how == "py-repr":
        inner = repr(value)[1:-1]
        return [("'", False), (inner, True), ("'", False)]
    if how == "logfmt":
        # logrus quotes a value only when it has to.
        if value and re.fullmatch(r"[A-Za-z0-9\-._/@^+]+", value):
            return [(value, True)]
        return [(json.dumps(value, ensure_ascii=False), True)]
    if how == "slog":
        # log/slog's text handler: quoted when empty or holding a space, '=', '"' or a control.
        if value and not re.search(r'[\s="\x00-\x1f]', value):
            return [(value, True)]
        return [(json.dumps(value, ensure_ascii=False), True)]
    if how in ("unified", "unified-debug"):
        if how == "unified-debug":  # Rust's Debug of a string: quoted
            value = json.dumps(value, ensure_ascii=False)
        if _needs_json(value):
            return [(json.dumps(value, ensure_ascii=False), True)]
        return [(value, True)]
    if how == "erl-binary":  # ~p of a binary: <<"text">>
        inner = value.replace("\\", "\\\\").replace('"', '\\"')
        return [('<<"', False), (inner, True), ('">>', False)]
    if how == "erl-bytes":  # ~w of a binary: its bytes, <<99,111>>
        return [("<<", False), (",".join(str(b) for b in value.encode()), True), (">>", False)]
    if how == "erl-atom":  # ~p of an atom that needs quotes: 'couchdb@10.0.0.1'
        return [("'", False), (value, True), ("'", False)]
    if how == "geth":
        # go-ethereum's terminal handler: quoted (Go's strconv.Quote) when a character is '"'
        # or below it (a space aside) or above '~'; else in plain quotes when it holds a space
        # or '='; else as it is.
        if any((char <= '"' and char != " ") or char > "~" for char in value):
            quoted = json.dumps(value, ensure_ascii=False)
            return [(re.sub(r"\\u00([01][0-9a-f]|7f)", r"\\x\1", quoted), True)]
        if " " in value or "=" in value:
            return [('"' + value + '"', True)]
        return [(value, True)]
    if how == "xml":
        # FoundationDB's XmlTraceLogFormatter: an attribute's value with &, ", <, > escaped
        # and a line break written as a space.
        escaped = value.replace("&", "&amp;").replace('"', "&quot;")
        escaped = escaped.replace("<", "&lt;").replace(">", "&gt;")
        return [(escaped.replace("\r", " ").replace("\n", " "), True)]
    if how == "fdb-error":
        # .error(e): the Error's name, description and code, three attributes in a row.
        name, description, code = value.split("\x00")
        return [
            (name, True),
            ('" ErrorDescription="', False),
            (description, True),
            ('" ErrorCode="', False),
            (code, True),
        ]
    if how == "ruby-error":
        # Fluentd's error: pair of an Exception: error_class=Class error="message".
        name, message = value.split("\x00")
        return [(name, True), (' error="', False), (json.dumps(message)[1:-1], True), ('"', False)]
    if how == "serilog":
        # Serilog's {Message}: a string (and an object written by its ToString()) in double
        # quotes, its own quotes escaped; backslashes stay as they are.
        return [('"', False), (value.replace('"', '\\"'), True), ('"', False)]
    if how == "hclog":
        # hclog: quoted when any character lies outside '-' .. '~'.
        if value and all("-" <= char <= "~" for char in value):
            return [(value, True)]
        return [(json.dumps(value, ensure_ascii=False), True)]
    return [(value, True)]


# The placeholders of the novel split's conventions, other than printf verbs.
_PLACEHOLDERS = {
    "tracing": re.compile(r"\{[^{}]*\}"),  # Rust: {}, {:?}, {name}, {0}, {:.2}
    "nodejs": re.compile(r"\$\{(?:[^{}]|\{[^{}]*\})*\}"),  # template literals: ${expr}
    "jboss": _MESSAGE_FORMAT,  # MessageFormat: {0}
    "jul": _MESSAGE_FORMAT,
    "unified": re.compile(r"\{[^{}]*\}"),  # Rust, as tracing's
    # and the seventh split's: io_lib's ~p, Ruby's #{expr} and %{name}, Perl's $var and @{[ ]}
    "erlang": re.compile(
        r"~(?:-?\d+|\*)?(?:\.(?:\d+|\*)?)?(?:\.(?:.|\*))?[tlk]*[cfegswpWPBXx#bi+n~]"
    ),
    "ruby": re.compile(r"#\{(?:[^{}]|\{[^{}]*\})*\}|%\{\w+\}|%<\w+>[a-zA-Z]"),
    "perl": re.compile(
        r"@\{\[.*?\]\}|\$\{\w+\}|\$(?:[!@0]|\$(?!\w)|\d+|\$*\w+(?:::\w+)*)"
        r"(?:(?:->)?(?:\[[^\]\s]*\]|\{[^}\s]*\}))*|@\w+(?:::\w+)*"
    ),
    # and the eighth's: .NET's {Name} and {Name:F2}, glog's streamed <<expr>> and Substitute's $0
    "mel": re.compile(r"\{[^{}]*\}"),
    "serilog": re.compile(r"\{[^{}]*\}"),  # and the twentieth's Serilog, as .NET's
    "glog": re.compile(r"<<.*?>>|\$\d"),
    "elixir": re.compile(r"#\{(?:[^{}]|\{[^{}]*\})*\}"),
    "psr3": re.compile(r"\{\$(?:[^{}]|\{[^{}]*\})*\}|\{[^{}\s]*\}|\$\w+(?:->\w+|\[[^\]]*\])?"),
    # and the ninth's: Kotlin's $x and ${expr}, Python's {0}, {name!r} and {expr:.2f}
    "timber": re.compile(r"\$\{(?:[^{}]|\{[^{}]*\})*\}|\$[A-Za-z_]\w*"),
    "ansible": re.compile(r"\{(?:[^{}]|\{[^{}]*\})*\}"),
    "pekko": re.compile(r"\$\{(?:[^{}]|\{[^{}]*\})*\}|\$[A-Za-z_]\w*"),
    # and the twelfth's: Zig's std.fmt {}, {s}, {d:.2}, {x:0>16}
    "zig": re.compile(r"\{[^{}]*\}"),
    # and Swift's string interpolation: \(expr), \(expr, privacy: .public)
    "swift": re.compile(r"\\\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)"),
    # and the shell's parameter expansion and command substitution: $x, ${x}, $1, $?, $(cmd)
    "shell": re.compile(r"\$\((?:[^()]|\([^()]*\))*\)|\$\{[^}]*\}|\$(?:[A-Za-z_]\w*|[0-9#?@*$!])"),
    # and the thirteenth's: Ruby's #{expr} in Fluentd's messages, Icinga 2's streamed <<expr>>
    "fluentd": re.compile(r"#\{(?:[^{}]|\{[^{}]*\})*\}"),
    "icinga": re.compile(r"<<.*?>>"),
    # and the fortieth's: Python's %(name)s with a mapping, C++'s std::format {} and {:.2f}
    "pymapping": re.compile(r"%\((\w+)\)[-+ #0]*\d*(?:\.\d+)?[a-zA-Z]"),
    "stdformat": re.compile(r"\{[^{}]*\}"),
    # and the fortysecond's: loguru's str.format fields, kotlin-logging's $x and ${expr}
    "loguru": re.compile(r"\{(?:[^{}]|\{[^{}]*\})*\}"),
    "kotlinlogging": re.compile(r"\$\{(?:[^{}]|\{[^{}]*\})*\}|\$[A-Za-z_]\w*"),
}
_RUST_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
# Python's %-formatting with a mapping: %(name)s, %(name)r, %(name)d; %% a percent.
_PY_MAPPING = re.compile(r"%%|%\((\w+)\)([-+ #0]*\d*(?:\.\d+)?[a-zA-Z])")
# Kinds whose Debug ({:?}, ?field) or tracing str value is quoted, as a string's is.
_RUST_QUOTED = frozenset(("name", "path", "address", "word", "command", "id"))


def _has_words(format_text: str, style: str = "") -> bool:
    if style in _PLACEHOLDERS:
        format_text = _PLACEHOLDERS[style].sub(" ", format_text)
    constant = _PRINTF.sub(" ", format_text).replace("{}", " ")
    return re.search(r"[A-Za-z]{3}", constant) is not None


def build_event(call: dict[str, Any], system: System, rng: random.Random) -> Event:
    style = call.get("style", "printf")
    text = call["format"]
    language = system.language
    parts: list[str | tuple[Slot, str]] = []

    # The strings an argument can be, when the source names them (a literal, or a conditional
    # between literals: cond ? "UDP" : "TCP"); None where it does not.
    choices: list[list[str] | None] = list(call.get("arg_values", []))

    def printf_parts(
        fmt: str, args: list[str], values: list[list[str] | None] | None = None
    ) -> list[str | tuple[Slot, str]]:
        out: list[str | tuple[Slot, str]] = []
        cursor = 0
        arg = 0
        for match in _PRINTF.finditer(fmt):
            out.append(fmt[cursor : match.start()])
            cursor = match.end()
            verb = match.group()
            if verb == "%%":
                out.append("%")
                continue
            arg += verb.count("*")  # a * width or precision takes an argument
            hint = ""
            known = None
            if verb != "%m":
                hint = args[arg] if arg < len(args) else ""
                known = values[arg] if values and arg < len(values) else None
                arg += 1
            kind, quoted = verb_kind(verb, hint, language, rng)
            how = "plain"
            if quoted:
                how = "py-repr" if verb.endswith("r") else "go-quoted"
                if verb == "%#q":
                    # Go's %#q: backquoted when strconv.CanBackquote (Lima's instance names)
                    how = "go-backquoted"
            slot = _choice_slot(known) if known else make_slot(kind, language, rng, verb)
            out.append((slot, how))
        out.append(fmt[cursor:])
        return out

    def message_format_parts(fmt: str, args: list[str]) -> list[str | tuple[Slot, str]]:
        # java.util.logging's MessageFormat: {0}, {1,number}; '' is one quote.
        out: list[str | tuple[Slot, str]] = []
        cursor = 0
        for match in _MESSAGE_FORMAT.finditer(fmt):
            out.append(fmt[cursor : match.start()].replace("''", "'"))
            cursor = match.end()
            number = int(match.group(1))
            hint = args[number] if number < len(args) else ""
            kind = "number" if match.group(2) else kind_of(hint, rng)
            out.append((make_slot(kind, language, rng), "plain"))
        out.append(fmt[cursor:].replace("''", "'"))
        return out

    if system.style == "jul":
        # java.util.logging: MessageFormat only when the call passes parameters (and the text
        # holds "{digit"); otherwise the text as it is.
        if style == "messageformat":
            parts.extend(_jul_message(text, call, language, rng, choices))
        else:
            parts.append(text)
    elif system.style == "postfix":
        # msg_warn/msg_error/msg_fatal/msg_panic print their severity before the text.
        parts.append(str(call.get("label", "")))
        parts.extend(printf_parts(text, list(call.get("args", [])), choices))
    elif system.style == "unified":
        parts.extend(_unified_parts(text, call, language, rng, choices))
    elif system.style == "telegraf":
        # Telegraf's text logger: the level's indicator, the plugin's [category.name], the text.
        parts.append(str(call.get("indicator", "I!")) + " ")
        if call.get("plugins"):  # a package that registers several plugins: one of them
            parts.extend(["[", (_choice_slot(list(call["plugins"])), "plain"), "] "])
        elif call.get("plugin"):
            parts.append(f"[{call['plugin']}] ")
        parts.extend(printf_parts(text, list(call.get("args", [])), choices))
    elif system.style == "erlang":
        node_name = _ERLANG_NODES.get(system.name, "couchdb")
        parts.extend(_erlang_message(text, call, language, rng, choices, node_name))
    elif system.style == "mel":
        parts.extend(_template_message(text, call, language, rng))
    elif system.style == "serilog":
        parts.extend(_template_message(text, call, language, rng, serilog=True))
    elif system.style == "elixir":
        # Logger's console format "$metadata[$level] $message": car_id=1 when the call sets it.
        if "car_id" in call.get("metadata", []):
            cars = _choice_slot([str(car) for car in range(1, rng.randint(2, 4))])
            parts.extend(["car_id=", (cars, "plain"), " "])
        parts.append(str(call.get("label", "")))
        parts.extend(_interpolated_message(text, call, language, rng, choices))
    elif system.style in ("glog", "psr3"):
        parts.extend(_interpolated_message(text, call, language, rng, choices))
        if call.get("errno"):  # PLOG: ": strerror [errno]"
            parts.extend([": ", (make_slot("errno", language, rng), "plain"), " ["])
            parts.extend([(make_slot("number", language, rng), "plain"), "]"])
    elif system.style == "timber":
        # Element's rageshake file, after its time: the thread's id, Timber's priority as the
        # file logger spells it ("D/ "), "/", the tag ("Tag" when the call names none), ": ".
        threads = Slot("number", _thread_id, [_thread_id(rng) for _ in range(6)])
        parts.extend([(threads, "plain"), " " + str(call.get("label", "")) + "/"])
        parts.append(str(call.get("tag", "Tag")) + ": ")
        if style == "kotlin-format":  # Timber formats only when the call passes arguments
            parts.extend(printf_parts(text, list(call.get("printf_args", [])), choices))
        else:
            parts.extend(_interpolated_message(text, call, language, rng, choices))
    elif system.style == "ansible":
        # Display: a verbose message for a host is logged as "<host> text"; a debug one is
        # printed after the pid and time (left out as every header is) as "[host]: text".
        if call.get("host"):
            host = Slot("address", _inventory_host, [_inventory_host(rng) for _ in range(5)])
            debug = call.get("level") == "DEBUG"
            parts.extend(["[" if debug else "<", (host, "plain"), "]: " if debug else "> "])
        if style == "printf":
            parts.extend(printf_parts(text, list(call.get("args", [])), choices))
        elif style in ("fstring", "str-format"):
            parts.extend(_python_format_message(text, call, rng, choices))
        else:
            parts.append(text)
    elif system.style == "pekko":
        # LoggingAdapter: s"..." filled first, then {} by the arguments (only when the call
        # passes some); the cluster's logInfo/logWarning... put the node's address first.
        if call.get("cluster"):  # the lines of a cluster of three nodes
            node = _choice_slot([_pekko_address(random.Random(n)) for n in range(3)])
            parts.extend(["Cluster Node [", (node, "plain"), "] - "])
        parts.extend(_interpolated_message(text, call, language, rng, choices))
    elif system.style == "labelled":
        # Patroni's "%(asctime)s %(levelname)s: %(message)s" and Lsyncd's "%s %s: %s" (time,
        # category, message), their time left out: the label ("INFO: ", "Normal: "), then the
        # message, formatted by printf only when the call passes arguments (Lsyncd's Lua calls
        # join their operands: the format is that join, the values as %s).
        parts.append(str(call.get("label", "")))
        if style == "plain":
            parts.append(text)
        else:
            parts.extend(printf_parts(text, list(call.get("args", [])), choices))
    elif system.style == "gokit":
        # go-kit's logfmt, after the level=, ts= and caller= its logger puts first (left out as
        # every header is): the call's pairs in their order, msg among them; a value is quoted
        # only when it is empty or holds a space, '=', '"' or a control character.
        keys, args = list(call.get("keys", [])), list(call.get("key_args", []))
        for index, key in enumerate(keys):
            parts.append((" " if index else "") + key + "=")
            if key == "msg":
                parts.append(json.dumps(text, ensure_ascii=False) if _gokit_quoted(text) else text)
                continue
            arg = args[index] if index < len(args) and args[index] is not None else key
            known = choices[index] if index < len(choices) else None
            kind = kind_of("err" if key in ("err", "error") else key + " " + arg, rng)
            parts.append((_choice_slot(known) if known else make_slot(kind, language, rng), "slog"))
    elif system.style == "logr":
        # CloudNativePG's zap JSON without what comes before "msg" (level, ts, logger) and the
        # fields its logger adds to every line (logging_pod; caller for debug and trace): the
        # message, the call's key/value pairs in order, then Error's err as "error" (none for
        # nil). zap writes a duration as a number of seconds.
        parts.append('{"msg":' + json.dumps(text, ensure_ascii=False))
        keys, args = list(call.get("keys", [])), list(call.get("key_args", []))
        for index, key in enumerate(keys):
            arg = args[index] if index < len(args) else key
            known = choices[index] if index < len(choices) else None
            kind = kind_of(key + " " + arg, rng)
            kind = "float" if kind == "duration" else kind
            slot = _choice_slot(known) if known else make_slot(kind, language, rng)
            bare = not known and kind in ("number", "bool", "float", "list")
            parts.extend(["," + json.dumps(key, ensure_ascii=False) + ":"])
            parts.append((slot, "plain" if bare else "go-quoted"))
        if call.get("error_arg") not in (None, "nil"):
            parts.extend([',"error":', (make_slot("error", language, rng), "go-quoted")])
        parts.append("}")
    elif system.style in ("ruby", "perl"):
        # Puppet's console ("Notice: "), SpamAssassin's level ("dbg: ") before the text; Request
        # Tracker's "[error]: " before it and the caller's file and line after it, constant text
        # for a call (" (/opt/rt6/lib/RT/Ticket.pm:188)").
        parts.append(str(call.get("label", "")))
        parts.extend(_interpolated_message(text, call, language, rng, choices))
        if call.get("suffix"):
            parts.append(str(call["suffix"]))
    elif system.style == "zig":
        # Zig's std.log as Ghostty's logFn prints it: "level(scope): " ("info: " for the
        # default scope), then the std.fmt format filled by the argument tuple.
        parts.append(str(call.get("label", "")))
        parts.extend(_zig_message(text, call, rng, choices))
    elif system.style == "swift":
        # sourcekit-lsp's NonDarwinLogger writes its "[org.swift.sourcekit-lsp:category] level
        # date" header on a line of its own (left out, as every header is), then the message
        # on the next: Swift's string interpolation, \(expr) written by its description.
        parts.extend(_interpolated_message(text, call, language, rng, choices))
    elif system.style == "shell":
        # TLP's echo_debug hands the expanded text to logger(1), which the journal prints after
        # "tlp[pid]: " (left out, as every header is): the shell's $x, ${x}, $1 and $(cmd)
        # replaced by their values as they are, no quotes added.
        parts.extend(_interpolated_message(text, call, language, rng, choices))
    elif system.style == "geth":
        # go-ethereum's terminal format without its "INFO [12-04|19:14:25.123] " header: the
        # message (quoted when it holds '=' or a character outside ' '..'~'), the padding to
        # 40 columns (collapsed here, as every run of spaces is), then " key=value" in the
        # call's order.
        parts.append(_geth_message(text))
        keys, args = list(call.get("keys", [])), list(call.get("key_args", []))
        for index, key in enumerate(keys):
            arg = args[index] if index < len(args) and args[index] is not None else key
            known = choices[index] if index < len(choices) else None
            parts.append(f" {key}=")
            slot = _choice_slot(known) if known else _geth_slot(key, arg, rng)
            parts.append((slot, "geth"))
    elif system.style == "fdbtrace":
        parts.extend(_fdb_event(text, call, rng, choices))
    elif system.style == "fluentd":
        # Fluentd's text format after its time: "[warn]: ", the worker's "#0 " (a line of the
        # supervisor has none), the message (its positional arguments joined, Ruby's
        # "#{expr}" written by to_s), then " key=value" with each value's inspect.
        parts.append(str(call.get("label", "")) + ("#0 " if call.get("worker") else ""))
        parts.extend(_interpolated_message(text, call, system.language, rng, choices, _ruby_slot))
        parts.extend(_fluentd_pairs(call, rng))
    elif system.style == "icinga":
        # Icinga 2's log after its "[2026-12-04 19:40:00 +0000] ": the severity and facility
        # ("warning/ApiListener: "), then the operands streamed with << joined as they are.
        parts.append(str(call.get("label", "")))
        parts.extend(_interpolated_message(text, call, system.language, rng, choices, _icinga_slot))
    elif system.style == "twisted":
        # Twisted's log file after its time: the event's system in brackets ("[-] " for a
        # log.msg outside a protocol's context), then the message: log.msg's arguments joined
        # by spaces (kept as the f-string Python would write for that join), an f-string, a
        # printf the call applied ("..." % x), or the text as it is.
        parts.append("[-] ")
        if style == "printf":
            parts.extend(printf_parts(text, list(call.get("args", [])), choices))
        elif style == "fstring":
            parts.extend(_python_format_message(text, call, rng, choices))
        else:
            parts.append(text)
    elif system.style == "jboss":
        # JBoss Logging: printf (debugf, @Message, its id already in the format), MessageFormat
        # (debugv) or the text as it is (debug).
        if style == "messageformat":
            parts.extend(message_format_parts(text, list(call.get("args", []))))
        elif style == "plain":
            parts.append(text)
        else:
            parts.extend(printf_parts(text, list(call.get("args", [])), choices))
    elif system.style == "tracing":
        parts.extend(_tracing_message(text, call, language, rng, choices))
        # tracing-subscriber's fmt: the message, then key=value in the call's order; a field
        # whose value is a literal or a string constant is the same on every line (Vector's
        # error_type="request_failed", internal_log_rate_limit=true): constant text.
        keys, sigils = call.get("keys", []), call.get("key_sigils", [])
        literals = list(call.get("key_literals", []))
        for index, (key, sigil, arg) in enumerate(
            zip(keys, sigils, call.get("key_args", []), strict=False)
        ):
            parts.append(f" {key}=")
            if index < len(literals) and literals[index] is not None:
                parts.append(literals[index])
                continue
            kind = kind_of(key + " " + arg, rng)
            quoted = sigil != "%" and kind in _RUST_QUOTED
            parts.append((make_slot(kind, language, rng), "go-quoted" if quoted else "plain"))
    elif system.style == "logrusjson":
        parts.extend(_logrus_json(text, call, rng, printf_parts))
    elif system.style == "kea":
        # Kea's isc::log after log4cplus' "2026-12-04 19:40:00.123 INFO  [kea-dhcp4.leases/
        # 1234.139] " (left out as every header is): the message id, a space, then the id's
        # text from its .mes dictionary with %1, %2... replaced by the .arg() values in order.
        v6 = re.search(r"6(?:_|$)|V6|DHCP6", str(call.get("id", ""))) is not None
        v6 = v6 or re.search(r"\b(?:DHCPv6|IPv6)\b", text) is not None
        parts.extend(
            _interpolated_message(
                text, call, language, rng, choices, lambda hint, r: _kea_slot(hint, v6, r)
            )
        )
    elif system.style == "rclone":
        # rclone's text log after "2026/12/04 19:40:00 NOTICE: " (left out as every header
        # is): the object the call names and ": " (nothing for nil), then the message, Go
        # printf for Debugf/Infof/Logf/Errorf..., the text as it is for Debug/Log/Error...
        parts.extend(_rclone_object(call, rng))
        if style == "plain":
            parts.append(text)
        else:
            parts.extend(printf_parts(text, list(call.get("args", [])), choices))
    elif system.style == "nodejs":
        # Uptime Kuma's logger prints its module and level before the message, "[MONITOR] INFO: "
        # (Homebridge's calls have no label).
        if call.get("label"):
            parts.append(str(call["label"]))
        parts.extend(_node_message(text, call, language, rng, choices))
    elif system.style == "zerolog":
        # zerolog's JSON, level and time left out as every system's are: the fields in the
        # call's order, then the message.
        if call.get("printf"):
            message_parts = printf_parts(text, list(call.get("args", [])), choices)
        else:
            message_parts = [text]
        keys = list(call.get("keys", []))
        args = list(call.get("key_args", []))
        types = list(call.get("fieldtypes", []))
        parts.append("{")
        for index, key in enumerate(keys):
            arg = args[index] if index < len(args) else key
            ftype = types[index] if index < len(types) else ""
            parts.append(("," if index else "") + json.dumps(key) + ":")
            if ftype == "Duration":  # a number of milliseconds
                kind = "number"
            elif ftype == "Caller":
                kind = "path"
            else:
                kind = _zap_kind(ftype, key + " " + arg, rng)
            bare = kind in ("number", "bool", "float", "list")
            parts.append((make_slot(kind, language, rng), "plain" if bare else "go-quoted"))
        parts.append(("," if keys else "") + '"message":"')
        parts.extend([ESCAPE, *message_parts, ESCAPE, '"}'])
    elif system.style == "slogjson":
        # log/slog's JSON handler (Dex's ``logger: format: json``), time and level left out as
        # every system's are: "msg", then the logger's group (Dex's connectors' ``"connector":
        # {"type":"ldap","id":...}``), the call's pairs in their order, then the pairs Dex's
        # handler adds from a request's context. A string (or an error's text) quoted, a number,
        # a bool or a list ([]string, as encoding/json writes it) bare, a Duration as its
        # nanoseconds.
        parts.extend(['{"msg":"', ESCAPE, text, ESCAPE, '"'])
        for name, members in dict(call.get("group") or {}).items():
            parts.append("," + json.dumps(name) + ":{")
            for index, (key, arg) in enumerate(dict(members).items()):
                parts.append(("," if index else "") + json.dumps(key) + ":")
                if arg.startswith('"'):  # a literal: constant text
                    parts.append(arg)
                else:
                    parts.append(
                        (make_slot(kind_of(key + " " + arg, rng), language, rng), "go-quoted")
                    )
            parts.append("}")
        keys = list(call.get("keys", []))
        args = list(call.get("key_args", []))
        types = list(call.get("fieldtypes", []))
        if call.get("request"):
            keys += ["client_remote_addr", "request_id"]
            args += ["remote address", "request id"]
        for index, key in enumerate(keys):
            arg = args[index] if index < len(args) else key
            ftype = types[index] if index < len(types) else ""
            ftype = {"Int64": "Int", "Any": "", "String": ""}.get(ftype, ftype)
            hint = "err" if key in ("err", "error") else key + " " + arg
            kind = _zap_kind(ftype, hint, rng)
            if kind == "duration":  # a Duration's nanoseconds
                kind = "number"
            parts.append("," + json.dumps(key) + ":")
            bare = kind in ("number", "bool", "float", "list")
            parts.append((make_slot(kind, language, rng), "plain" if bare else "go-quoted"))
        parts.append("}")
    elif system.style == "pymapping":
        # Python logging with a mapping as its one argument (Heat's ``LOG.info("Volume %(vol)s
        # is detached from server %(srv)s", {"vol": attach_id, "srv": server_id})``): each
        # ``%(name)s`` the value of its name in the mapping, ``%(name)r`` its repr, ``%%`` a
        # percent; a call with positional arguments is a printf, rendered as Home Assistant's.
        mapping = dict(call.get("mapping") or {})
        if not mapping:
            parts.extend(printf_parts(text, list(call.get("args", [])), choices))
        else:
            cursor = 0
            for match in _PY_MAPPING.finditer(text):
                parts.append(text[cursor : match.start()])
                cursor = match.end()
                if match.group(1) is None:
                    parts.append("%")
                    continue
                verb = "%" + match.group(2)
                hint = str(mapping.get(match.group(1), match.group(1)))
                kind, quoted = verb_kind(verb, hint, language, rng)
                how = "plain"
                if quoted:
                    how = "py-repr" if verb.endswith("r") else "go-quoted"
                parts.append((make_slot(kind, language, rng, verb), how))
            parts.append(text[cursor:])
    elif system.style == "stdformat":
        parts.extend(_stdformat_message(text, call, language, rng))
    elif system.style == "loguru":
        # loguru (FlexGet's ``logger.info("Would extract: {} to {}", info.filename,
        # destination)``): the message goes through ``str.format(*args, **kwargs)`` only when
        # the call passes arguments ({}, {0}, {name}, {!r}, {:.2f}; {{ and }} braces), and is
        # printed as it is otherwise, its braces kept.
        if call.get("args") or call.get("kwargs"):
            parts.extend(_python_format_message(text, call, rng, choices))
        else:
            parts.append(text)
    elif system.style == "structlog":
        # structlog's ``ConsoleRenderer(colors=False)`` (Raiden's ``log.debug("Leaving token
        # network", node=..., token_address=...)``) after the timestamp and [level] it writes
        # first (left out as every header is): the event padded with spaces to 30 columns and
        # a space (the pairs are never empty, add_logger_name's logger among them), the
        # logger's name in brackets, then each key=value sorted by key, a str as it is and
        # any other value its repr; with no pair of the call's the line ends at "]".
        parts.append(text.ljust(30) + " [" + str(call.get("logger", "")) + "]")
        keys, args = list(call.get("keys", [])), list(call.get("key_args", []))
        for key, arg in sorted(zip(keys, args, strict=False)):
            kind = kind_of("err" if key in ("ex", "exc", "error") else key + " " + arg, rng)
            parts.append(f" {key}=")
            parts.append((make_slot(kind, language, rng), "plain"))
    elif system.style == "kotlinlogging":
        # kotlin-logging's lambda (Komga's ``logger.info { "Renaming ${book.path} to
        # $destinationPath" }``): the string template is the message, each $x and ${expr} the
        # value's toString, with no tag or thread before it (the layout's header left out).
        parts.extend(_interpolated_message(text, call, language, rng, choices, _kotlin_value))
    elif system.style == "slf4j":
        args = list(call.get("args", []))
        chunks = text.split("{}")
        for index, chunk in enumerate(chunks):
            parts.append(chunk)
            if index < len(chunks) - 1:
                hint = args[index] if index < len(args) else ""
                known = choices[index] if index < len(choices) else None
                kind = kind_of(hint, rng)
                if kind == "duration" and system.bare_durations and _UNIT.match(chunks[index + 1]):
                    kind = "number"
                slot = _choice_slot(known) if known else make_slot(kind, language, rng)
                parts.append((slot, "plain"))
        if system.exception_inline and call.get("throwable_arg"):
            parts.append(" =>")
            parts.append((make_slot("error", language, rng), "plain"))
    elif system.style == "pingcap":
        parts.extend(_pingcap_parts(text, call, language, rng))
    elif style == "structured" and system.style in ("zap", "klog", "logrus", "logfmt", "hclog"):
        message = text
        if call.get("msg_verbs"):
            message_parts = printf_parts(text, list(call.get("msg_args", [])))
        else:
            message_parts = [message]
        keys = list(call.get("keys", []))
        args = list(call.get("key_args", call.get("args", [])))
        types = list(call.get("fieldtypes", []))
        fields = []
        for index, key in enumerate(keys):
            # An argument the extractor could not read (null) is judged by its key.
            arg = args[index] if index < len(args) and args[index] is not None else key
            ftype = types[index] if index < len(types) else ""
            if key.startswith("<spread") or ftype in ("Stack", "Binary", "spread"):
                continue
            if arg == "nil":
                continue  # klog's ErrorS(nil, ...) prints no err=
            fields.append((key, arg, ftype))
        if system.style == "zap":
            parts.extend(message_parts)
            if fields:
                parts.append("\t{")
                for index, (key, arg, ftype) in enumerate(fields):
                    parts.append(("," if index else "") + json.dumps(key) + ":")
                    kind = _zap_kind(ftype, key + " " + arg, rng)
                    slot = make_slot(kind, language, rng)
                    bare = kind in ("number", "bool", "float", "list")
                    parts.append((slot, "plain" if bare else "go-quoted"))
                parts.append("}")
        elif system.style == "klog":
            parts.append('"')
            parts.extend(message_parts)
            parts.append('"')
            for key, arg, _ in fields:
                kind = kind_of(key + " " + arg if key not in ("err",) else "err", rng)
                slot = make_slot(kind, language, rng)
                parts.append(f" {key}=")
                bare = kind in ("number", "bool", "float", "list")
                parts.append((slot, "plain" if bare else "go-quoted"))
        elif system.style == "logfmt":  # slog's text handler: msg="..." then the pairs in order
            parts.append("msg=")
            parts.extend(_logrus_message(message_parts))
            for key, arg, _ in fields:
                kind = kind_of("err" if key in ("err", "error") else key + " " + arg, rng)
                parts.append(f" {key}=")
                parts.append((make_slot(kind, language, rng), "slog"))
        elif system.style == "hclog":  # name: message: key=value ...
            parts.append(_hclog_name(call) + ": ")
            parts.extend(message_parts)
            if fields:
                parts.append(":")
            for key, arg, _ in fields:
                kind = kind_of("err" if key in ("err", "error") else key + " " + arg, rng)
                parts.append(f" {key}=")
                parts.append((make_slot(kind, language, rng), "hclog"))
        else:  # logrus: msg="..." then the fields sorted by key
            parts.append("msg=")
            parts.extend(_logrus_message(message_parts))
            for key, arg, _ in sorted(fields):
                kind = kind_of("err" if key == "error" else key + " " + arg, rng)
                parts.append(f" {key}=")
                parts.append((make_slot(kind, language, rng), "logfmt"))
    else:
        parts.extend(printf_parts(text, list(call.get("args", [])), choices))
        if system.style == "logrus":
            keys = list(call.get("keys", []))
            key_args = list(call.get("key_args", []))
            message_parts, parts = parts, ["msg="]
            parts.extend(_logrus_message(message_parts))
            for key, arg in sorted(zip(keys, key_args, strict=False)):
                kind = kind_of("err" if key == "error" else key + " " + arg, rng)
                parts.append(f" {key}=")
                parts.append((make_slot(kind, language, rng), "logfmt"))
        elif system.style in ("logfmt", "hclog"):
            # A message made with fmt.Sprintf, then key/value pairs.
            pairs = list(zip(call.get("keys", []), call.get("kv_args", []), strict=False))
            message_parts = parts
            if system.style == "logfmt":
                parts = ["msg=", *_logrus_message(message_parts)]
            else:
                parts = [_hclog_name(call) + ": ", *message_parts, ":" if pairs else ""]
            for key, arg in pairs:
                kind = kind_of("err" if key in ("err", "error") else key + " " + arg, rng)
                parts.append(f" {key}=")
                parts.append(
                    (make_slot(kind, language, rng), system.style.replace("logfmt", "slog"))
                )
        prefix = call.get("prefix")
        if prefix == "unit-id: ":
            parts.insert(0, (make_slot("name", language, rng), "plain"))
            parts.insert(1, ": ")
        elif prefix == "config-file:line: ":
            parts[:0] = [
                (make_slot("path", language, rng), "plain"),
                ":",
                (make_slot("number", language, rng), "plain"),
                ": ",
            ]
        elif prefix == "device: ":
            parts.insert(0, (make_slot("name", language, rng), "plain"))
            parts.insert(1, ": ")
    return Event(parts)


def _brace_fields(
    pattern: re.Pattern[str], text: str, out: list[str | tuple[Slot, str]]
) -> Iterator[re.Match[str]]:
    """The fields of a brace format (Rust, .NET templates, Zig, C++ ``std::format``), each
    written by the caller: the text before each, a doubled brace (``{{``, ``}}``; ``pattern``'s
    group 1 unmatched) as one brace, and the text after the last are put in ``out`` here."""
    cursor = 0
    for match in pattern.finditer(text):
        out.append(text[cursor : match.start()])
        cursor = match.end()
        if match.group(1) is None:
            out.append(match.group()[0])
            continue
        yield match
    out.append(text[cursor:])


def _tracing_message(
    text: str,
    call: dict[str, Any],
    language: str,
    rng: random.Random,
    choices: list[list[str] | None],
) -> list[str | tuple[Slot, str]]:
    """A Rust format string: {} Display, {:?} Debug (a string quoted), {name} captured,
    {:.2} precision, {:x} hex; {{ and }} are braces. A hole the record marks ``quoted`` false
    is bare under {:?} too (Garage's hashes and ids, whose Debug is their hex)."""
    args = list(call.get("args", []))
    quoted = list(call.get("quoted", []))
    out: list[str | tuple[Slot, str]] = []
    for index, match in enumerate(_brace_fields(_RUST_PLACEHOLDER, text, out)):
        spec = match.group(1).partition(":")[2]
        hint = args[index] if index < len(args) else ""
        known = choices[index] if index < len(choices) else None
        how = "plain"
        if known:
            slot = _choice_slot(known)
        elif spec.lstrip("#") in ("x", "X"):
            slot = make_slot("hex", language, rng, "%" + spec[-1])
            if spec.startswith("#"):
                slot = _prefixed(slot, "0x")
        elif spec.startswith("."):
            slot = make_slot("float", language, rng, f"%.{spec[1:].rstrip('?')}f")
        else:
            kind = kind_of(hint, rng)
            slot = make_slot(kind, language, rng)
            bare = index < len(quoted) and quoted[index] is False
            if spec.endswith("?") and kind in _RUST_QUOTED and not bare:
                how = "go-quoted"
        out.append((slot, how))
    return out


def _stdformat_message(
    text: str, call: dict[str, Any], language: str, rng: random.Random
) -> list[str | tuple[Slot, str]]:
    """C++20 ``std::format`` (Hyprland's ``Log::logger->log(Log::DEBUG, "Attached pointer {} to
    global", pointer->m_hlName)``): {} a value as it is (a string bare, a bool true or false),
    {:x} and {:X} hex, {:#x} hex after 0x, {:08x} hex padded with zeros to its width (Cemu's),
    {:.2f} fixed with its places, {:c} a char; {{ and }} are braces. A duration before the unit
    the text writes (``{}ms``) is a bare number."""
    args = list(call.get("args", []))
    out: list[str | tuple[Slot, str]] = []
    for index, match in enumerate(_brace_fields(_RUST_PLACEHOLDER, text, out)):
        spec = match.group(1).partition(":")[2]
        hint = args[index] if index < len(args) else ""
        if spec.lstrip("#") in ("x", "X"):
            slot = make_slot("hex", language, rng, "%" + spec[-1])
            if spec.startswith("#"):
                slot = _prefixed(slot, "0x")
        elif re.fullmatch(r"0\d+[xX]", spec):
            slot = make_slot("hex", language, rng, "%" + spec)
        elif spec.startswith(".") and spec.endswith("f"):
            slot = make_slot("float", language, rng, "%" + spec)
        elif spec == "c":
            slot = make_slot("char", language, rng)
        else:
            kind = kind_of(hint, rng)
            if kind == "duration" and _UNIT.match(text, match.end()):
                kind = "number"  # a count of the unit the text writes after it: {}ms
            slot = make_slot(kind, language, rng)
        out.append((slot, "plain"))
    return out


def _jul_message(
    text: str,
    call: dict[str, Any],
    language: str,
    rng: random.Random,
    choices: list[list[str] | None],
) -> list[str | tuple[Slot, str]]:
    """java.text.MessageFormat as java.util.logging applies it: {0}, {1,number}; '' is a quote
    and a lone ' quotes what follows up to the next one (to the end when there is none: the
    braces there stay); a Number is grouped (12,345) unless its pattern says otherwise. A pattern
    MessageFormat refuses is printed as it is."""
    args = list(call.get("args", []))
    out: list[str | tuple[Slot, str]] = []
    constant: list[str] = []
    quoted = False
    position = 0
    while position < len(text):
        if text.startswith("''", position):
            constant.append("'")
            position += 2
            continue
        char = text[position]
        if char == "'":
            quoted = not quoted
            position += 1
            continue
        if not quoted and char == "{":
            match = _MESSAGE_FORMAT.match(text, position)
            if match is None:
                return [text]  # IllegalArgumentException: java.util.logging prints the text
            out.append("".join(constant))
            constant = []
            number = int(match.group(1))
            known = choices[number] if number < len(choices) else None
            hint = args[number] if number < len(args) else ""
            if known:
                slot = _choice_slot(known)
            else:
                kind = "number" if match.group(2) else kind_of(hint, rng)
                slot = make_slot(kind, language, rng)
                if kind == "number" and "#" not in (match.group(2) or ""):
                    slot = _grouped(slot)
            out.append((slot, "plain"))
            position = match.end()
            continue
        constant.append(char)
        position += 1
    out.append("".join(constant))
    return out


def _grouped(slot: Slot) -> Slot:
    """Numbers as NumberFormat writes them in English: 1,234,567."""

    def draw(r: random.Random) -> str:
        return f"{int(slot.value(r)):,}"

    return Slot(slot.kind, draw, None)


def _needs_json(text: str) -> bool:
    """TiKV's unified log format writes a message, key or value JSON-encoded when it holds a
    control character, a space, '"', '=', '[' or ']'."""
    return re.search(r'[\x00-\x20"=\[\]]', text) is not None


def _unified_parts(
    text: str,
    call: dict[str, Any],
    language: str,
    rng: random.Random,
    choices: list[list[str] | None],
) -> list[str | tuple[Slot, str]]:
    """TiKV's unified log format (slog): ``[message] [key=value] ... [thread_id=N]``, the
    message a Rust format string, the call's fields from the last to the first as slog
    serializes them, then the logger's ``thread_id``; each written as it is, or JSON-encoded
    when it has to be."""
    message = _tracing_message(text, call, language, rng, choices)
    constant = "".join(part for part in message if isinstance(part, str))
    out: list[str | tuple[Slot, str]] = []
    if _needs_json(constant) or any(
        not isinstance(part, str) and part[1] == "go-quoted" for part in message
    ):
        out.extend(['["', ESCAPE, *message, ESCAPE, '"]'])
    else:
        # The constant text alone would not be quoted: values that would make it so are
        # kept out, for the quotes to stay constant.
        out.append("[")
        out.extend(
            part if isinstance(part, str) else (_without(part[0], _needs_json), part[1])
            for part in message
        )
        out.append("]")
    keys = list(call.get("keys", []))
    sigils = list(call.get("key_sigils", []))
    key_args = list(call.get("key_args", []))
    key_values: list[list[str] | None] = list(call.get("key_values", [None] * len(keys)))
    fields = list(zip(keys, sigils, key_args, key_values, strict=False))
    for key, sigil, arg, known in reversed(fields):
        written = json.dumps(key, ensure_ascii=False) if _needs_json(key) else key
        out.append(f" [{written}=")
        if known:
            out.append((_choice_slot(known), "unified"))
        else:
            kind = kind_of("err" if key == "err" else key + " " + arg, rng)
            if kind == "id" and re.search(r"(?:^|_)id$", key):
                kind = "number"  # region_id, peer_id, store_id: u64
            debug = sigil == "?" and kind in _RUST_QUOTED
            out.append((make_slot(kind, language, rng), "unified-debug" if debug else "unified"))
        out.append("]")
    out.append(" [thread_id=")
    out.append((Slot("number", lambda r: str(r.randint(1, 160)), None), "plain"))
    out.append("]")
    return out


def _pingcap_parts(
    text: str, call: dict[str, Any], language: str, rng: random.Random
) -> list[str | tuple[Slot, str]]:
    """pingcap/log's text encoder (PD's), the unified log format of TiKV written from zap:
    ``[message] [key=value] ...``, the message a constant text and the call's zap fields in
    their order; a message, key or value written as it is, or JSON-encoded when it holds a
    control character, a space, '"', '=', '[' or ']'; an array ``[a,b]`` as it is."""
    written = json.dumps(text, ensure_ascii=False) if _needs_json(text) else text
    out: list[str | tuple[Slot, str]] = [f"[{written}]"]
    keys = list(call.get("keys", []))
    args = list(call.get("args", []))
    types = list(call.get("fieldtypes", []))
    for index, key in enumerate(keys):
        arg = args[index] if index < len(args) else key
        ftype = types[index] if index < len(types) else ""
        name = json.dumps(key, ensure_ascii=False) if _needs_json(key) else key
        out.append(f" [{name}=")
        kind = _zap_kind(ftype, key + " " + arg, rng)
        how = "plain" if kind in ("number", "bool", "float", "list") else "unified"
        out.append((make_slot(kind, language, rng), how))
        out.append("]")
    return out


def _without(slot: Slot, test: Callable[[str], bool]) -> Slot:
    """The values of ``slot`` for which ``test`` is false."""

    def draw(r: random.Random) -> str:
        for _ in range(50):
            value = slot.value(r)
            if not test(value):
                return value
        return re.sub(r'[\x00-\x20"=\[\]]', "_", value)

    return Slot(slot.kind, draw, None)


def _prefixed(slot: Slot, prefix: str) -> Slot:
    """The values of ``slot`` written after ``prefix`` (Rust's {:#x}: 0x1f)."""

    def draw(r: random.Random) -> str:
        return prefix + slot.value(r)

    return Slot(slot.kind, draw, None)


def _node_message(
    text: str,
    call: dict[str, Any],
    language: str,
    rng: random.Random,
    choices: list[list[str] | None],
) -> list[str | tuple[Slot, str]]:
    """A Node.js message: ${expr} of a template literal, and util.format's %s %d %j... with
    %% a percent sign; ``verbs`` lists the placeholders in order."""
    verbs = list(call.get("verbs", []))
    args = list(call.get("args", []))
    out: list[str | tuple[Slot, str]] = []
    constant: list[str] = []
    index = 0
    position = 0
    while position < len(text):
        if text.startswith("%%", position):
            constant.append("%")
            position += 2
            continue
        if index < len(verbs) and text.startswith(verbs[index], position):
            verb = verbs[index]
            known = choices[index] if index < len(choices) else None
            hint = args[index] if index < len(args) else ""
            index += 1
            position += len(verb)
            out.append("".join(constant))
            constant = []
            if verb == "%c":  # CSS, printed as nothing
                continue
            if known:
                slot = _choice_slot(known)
            elif verb in ("%d", "%i"):
                slot = make_slot("number", language, rng)
            elif verb == "%f":
                slot = make_slot("float", language, rng)
            else:
                slot = make_slot(kind_of(hint, rng), language, rng)
            out.append((slot, "plain"))
            continue
        constant.append(text[position])
        position += 1
    out.append("".join(constant))
    return out


_ERLANG_CONTROL = _PLACEHOLDERS["erlang"]
# The name before a node's "@" in a system's cluster, CouchDB's unless given here.
_ERLANG_NODES = {"riak-kv": "riak"}
# Arguments that are Erlang terms given as a reason (an error, an exit, an unexpected message).
_ERLANG_TERMS = _set("reason reasons else other why exit what unexpected stack msg error err e")
_ERLANG_ATOMS = _list(
    "ok not_found timeout running stopped pending normal shutdown closed active idle "
    "nodedown noproc conflict unauthorized"
)


def _erlang_kind(hint: str, rng: random.Random) -> str:
    words = hint_words(hint)
    last = words[-1] if words else ""
    if hint == "self()" or last == "pid":
        return "pid"
    if hint == "node()" or last == "node":
        return "node"
    if last in _ERLANG_TERMS:
        return "error"
    return kind_of(hint, rng)


def _erlang_message(
    text: str,
    call: dict[str, Any],
    language: str,
    rng: random.Random,
    choices: list[list[str] | None],
    node: str = "couchdb",
) -> list[str | tuple[Slot, str]]:
    """io_lib:format as couch_log (and lager) applies it: ~p and ~w write a term (a binary as
    <<"db">> with ~p and <<100,98>> with ~w, an atom bare, a node name quoted, a pid
    <0.123.0>), ~s its text, ~B an integer, ~f a float, ~i nothing; ~~ is a tilde. ``node``:
    the name before a node's ``@`` (``couchdb@10.0.0.1``, Riak's ``riak@10.0.0.1``)."""
    args = list(call.get("args", []))
    out: list[str | tuple[Slot, str]] = []
    cursor = 0
    index = 0
    for match in _ERLANG_CONTROL.finditer(text):
        out.append(text[cursor : match.start()])
        cursor = match.end()
        control = match.group()
        conversion = control[-1]
        if conversion == "~":
            out.append("~")
            continue
        hint = args[index] if index < len(args) else ""
        known = choices[index] if index < len(choices) else None
        index += 1
        if conversion == "i":
            continue
        how = "plain"
        term = conversion in "pw"
        precision = re.match(r"~(?:-?\d+|\*)?\.(\d+)", control)
        if known:
            slot = _choice_slot(known)
        elif conversion in "bB":
            slot = make_slot("number", language, rng)
        elif conversion in "feg":
            places = precision.group(1) if precision else "6"
            slot = make_slot("float", language, rng, f"%.{places}f")
        elif conversion == "c":
            slot = make_slot("char", language, rng)
        else:
            kind = _erlang_kind(hint, rng)
            if kind == "pid":
                slot = Slot(kind, lambda r: f"<0.{r.randint(100, 40000)}.0>", None)
            elif kind == "node":
                slot = _choice_slot([f"{node}@{_ip(rng)}" for _ in range(rng.randint(1, 5))])
                how = "erl-atom" if term else "plain"
            elif kind in ("state", "symbol") and term:
                slot = _choice_slot(rng.sample(_ERLANG_ATOMS, rng.randint(2, 5)))
            else:
                if kind == "list" and not term:
                    kind = "name"  # ~s of a list of strings writes them one after the other
                slot = make_slot(kind, language, rng)
                if term and kind in _RUST_QUOTED:
                    how = "erl-binary" if conversion == "p" else "erl-bytes"
        out.append((slot, how))
    out.append(text[cursor:])
    return out


def _interpolated_message(
    text: str,
    call: dict[str, Any],
    language: str,
    rng: random.Random,
    choices: list[list[str] | None],
    slot_of: Callable[[str, random.Random], Slot] | None = None,
) -> list[str | tuple[Slot, str]]:
    """Ruby's "#{expr}" and String#% (%{name}, %<name>s, %s), Perl's "$var", "@list",
    "@{[ expr ]}" and sprintf: ``verbs`` lists the tokens in the order of the text; %% is a
    percent sign only where the text went through String#% or sprintf. ``slot_of`` makes a
    value's slot from its expression where a system writes its values its own way."""
    verbs = list(call.get("verbs", []))
    args = list(call.get("args", []))
    formatted = call.get("style") in ("ruby-format", "perl-sprintf")
    out: list[str | tuple[Slot, str]] = []
    constant: list[str] = []
    index = 0
    position = 0
    while position < len(text):
        if formatted and text.startswith("%%", position):
            constant.append("%")
            position += 2
            continue
        if index < len(verbs) and text.startswith(verbs[index], position):
            verb = verbs[index]
            hint = args[index] if index < len(args) else ""
            known = choices[index] if index < len(choices) else None
            index += 1
            position += len(verb)
            out.append("".join(constant))
            constant = []
            if slot_of is not None and not known:
                out.append((slot_of(hint, rng), "plain"))
                continue
            out.append(_interpolated_slot(verb, hint, known, language, rng))
            continue
        constant.append(text[position])
        position += 1
    out.append("".join(constant))
    return out


def _inventory_host(rng: random.Random) -> str:
    """A host as Ansible names it: an address or an inventory name."""
    return _ip(rng) if rng.random() < 0.5 else f"{rng.choice(_VOCAB)}{rng.randint(1, 20):02d}"


def _python_format_message(
    text: str, call: dict[str, Any], rng: random.Random, choices: list[list[str] | None]
) -> list[str | tuple[Slot, str]]:
    """An f-string or str.format: ``verbs`` lists the fields in the order of the text
    ({0}, {name!r}, {expr:.2f}); {{ and }} are braces."""
    verbs = list(call.get("verbs", []))
    args = list(call.get("args", []))
    out: list[str | tuple[Slot, str]] = []
    constant: list[str] = []
    index = 0
    position = 0
    while position < len(text):
        if text.startswith(("{{", "}}"), position):
            constant.append(text[position])
            position += 2
            continue
        if index < len(verbs) and text.startswith(verbs[index], position):
            field = _PY_FIELD.fullmatch(verbs[index])
            hint = args[index] if index < len(args) else ""
            known = choices[index] if index < len(choices) else None
            position += len(verbs[index])
            index += 1
            out.append("".join(constant))
            constant = []
            if known:
                out.append((_choice_slot(known), "plain"))
                continue
            conversion, spec = (field.group(1) or "", field.group(2) or "") if field else ("", "")
            kind = kind_of(hint, rng)
            if spec and spec[-1] in "dfxXe%":
                kind, _ = verb_kind("%" + spec.lstrip("<>^=+- #0123456789,_"), hint, "python", rng)
            quoted = conversion == "!r" and kind in _RUST_QUOTED
            out.append(
                (make_slot(kind, "python", rng, "%" + spec), "py-repr" if quoted else "plain")
            )
            continue
        constant.append(text[position])
        position += 1
    out.append("".join(constant))
    return out


# A field's conversion and format spec: {expr!r}, {0:.2f}.
_PY_FIELD = re.compile(r"\{.*?(![rsa])?(?::([^{}:!]*))?\}", re.S)


def _interpolated_slot(
    verb: str, hint: str, known: list[str] | None, language: str, rng: random.Random
) -> tuple[Slot, str]:
    if known:
        return _choice_slot(known), "plain"
    if language == "cpp":
        return _cpp_slot(hint, rng), "plain"
    if language == "php":
        return _php_slot(verb, hint, rng), "plain"
    if language == "elixir":
        return _elixir_slot(hint, rng)
    if language == "kotlin":
        return _kotlin_slot(hint, rng), "plain"
    if language == "scala":
        return _scala_slot(hint, rng), "plain"
    if language == "swift":
        return _swift_slot(hint, rng), "plain"
    if language == "shell":
        return _shell_slot(hint, rng), "plain"
    if verb.startswith("%") and not verb.startswith("%{"):
        # printf verbs: %s, %.2f, and Ruby's named %<name>d
        printf_verb = "%" + verb.partition(">")[2] if verb.startswith("%<") else verb
        kind, _ = verb_kind(printf_verb, hint, language, rng)
        return make_slot(kind, language, rng, printf_verb), "plain"
    if language == "perl":
        if hint == "$!":  # errno's text
            return make_slot("errno", language, rng), "plain"
        if hint == "$@":  # the message of the last die
            return make_slot("error", language, rng), "plain"
        if hint in ("$$", "$0"):
            return make_slot("number", language, rng), "plain"
        if verb.startswith("@") and not verb.startswith("@{["):  # an array, joined by spaces
            return make_slot("list", language, rng), "plain"
    kind = kind_of(hint, rng)
    if language == "ruby" and hint.endswith(".inspect") and kind in _RUST_QUOTED:
        return make_slot(kind, language, rng), "go-quoted"  # String#inspect: "text"
    return make_slot(kind, language, rng), "plain"


_CPP_STATUS = re.compile(r"(?:^|\W)(?:s|st|s2|\w*status|\w*_s)(?:\(\))?(?:\.ToString\(\))?$")
_CPP_UNITS = _set("ms us ns secs sec seconds millis micros nanos")
_PB_FIELDS = _list("tablet_id ts_uuid table_name term index leader_uuid partition_key_start code")


def _cpp_slot(hint: str, rng: random.Random) -> Slot:
    """A value streamed or substituted by Kudu: a Status (its ToString), a protobuf's
    (Secure)ShortDebugString (``key: value`` pairs), or what its expression says."""
    if _CPP_STATUS.search(hint):
        return make_slot("error", "cpp", rng)
    if "DebugString" in hint:

        def protobuf(r: random.Random) -> str:
            fields = r.sample(_PB_FIELDS, r.randint(1, 4))
            return " ".join(
                f"{key}: {r.randint(0, 9999)}"
                if key in ("term", "index")
                else f'{key}: "{_hex(r, 32) if key.endswith(("id", "uuid")) else r.choice(_VOCAB)}"'
                for key in fields
            )

        return Slot("protobuf", protobuf, None)
    kind = kind_of(hint, rng)
    if kind == "duration" and _CPP_UNITS & set(hint_words(hint)):
        kind = "number"  # FLAGS_delay_ms, timeout_secs: a number, its unit in the text
    return make_slot(kind, "cpp", rng)


_PHP_EXCEPTIONS = _list(
    "RuntimeException InvalidArgumentException Wikimedia\\Rdbms\\DBQueryError "
    "MWException UnexpectedValueException LogicException"
)
_PHP_TYPES = _list("NULL boolean string array object integer")


def _php_slot(verb: str, hint: str, rng: random.Random) -> Slot:
    """A context value as MediaWiki's LegacyLogger flattens it: an exception as
    ``[Exception Class( file:line) message]``, a class name, a type, an array as its size; or
    what its expression says."""
    words = hint_words(hint)
    if verb == "{exception}" or re.fullmatch(r"\$(?:e|ex|exception|\w*[eE]xception)", hint):

        def exception(r: random.Random) -> str:
            return (
                f"[Exception {r.choice(_PHP_EXCEPTIONS)}( /srv/mediawiki/includes/"
                f"{r.choice(_VOCAB)}/{r.choice(_VOCAB).title()}.php:{r.randint(10, 3000)}) "
                f"{_php_error(r)}]"
            )

        return Slot("error", exception, None)
    joined = re.match(r"implode\(\s*'([^']*)'", hint)
    if joined:  # the items joined by the separator
        item = make_slot(rng.choice(("name", "id", "word")), "php", rng)
        separator = joined.group(1)
        return Slot(
            "name", lambda r: separator.join(item.value(r) for _ in range(r.randint(1, 4))), None
        )
    if hint.startswith("gettype("):
        return _choice_slot(rng.sample(_PHP_TYPES, rng.randint(2, 4)))
    if hint.startswith("get_class(") or hint.endswith("::class"):
        names = [
            f"MediaWiki\\{w.title()}\\{v.title()}Store"
            for w, v in zip(rng.sample(_VOCAB, 3), rng.sample(_VOCAB, 3), strict=True)
        ]
        return _choice_slot(names)
    if words[-1:] in (["message"], ["wiki", "text"]) or hint.endswith(("->getWikiText()",)):
        return make_slot("error", "php", rng)
    kind = kind_of(hint, rng)
    if kind == "list" and verb.startswith(("$", "{$")):
        kind = "name"  # only the logger writes an array as [Array(n)]
    return make_slot(kind, "php", rng)


# .NET message templates: {Name}, {Name,-10}, {Name:F2}; {{ and }} are braces.
_TEMPLATE_HOLE = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_CSHARP_NUMBERS = _set("int long uint ulong short ushort byte sbyte nint")
_CSHARP_FLOATS = _set("double float decimal")
_CSHARP_SEQUENCES = re.compile(
    r"(?:\[\]|^(?:I?Enumerable|I?List|ICollection|IReadOnlyList|IReadOnlyCollection|HashSet|"
    r"ISet|ImmutableArray|ImmutableList|Span|ReadOnlySpan|EnumerableToStringLogValue)<.*>)$"
)
_SILO_STATUSES = _list("Created Joining Active ShuttingDown Stopping Dead")


def _csharp_slot(ftype: str, hint: str, spec: str, rng: random.Random) -> Slot:
    """A value as .NET writes it into a message template, from the parameter's type (and its
    format: F2, N0, X, 0.00) or else from its name."""
    ftype = ftype.rstrip("?")
    if ftype in _CSHARP_NUMBERS:
        if spec == "N0":  # grouped: 12,345
            return _grouped(make_slot("number", "csharp", rng))
        if spec.upper() == "X":
            return make_slot("hex", "csharp", rng, "%X" if spec == "X" else "%x")
        return make_slot("number", "csharp", rng)
    if ftype in _CSHARP_FLOATS:
        places = spec.count("0") - 1 if spec.startswith("0.") else None
        if spec[:1] in "FN" and spec[1:].isdigit():
            places = int(spec[1:])
        if places is None:  # the shortest text that reads back: 0.1234567, 37 (not 37.0)
            return Slot(
                "float",
                lambda r: repr(round(r.uniform(0, 100), r.randint(1, 7))).removesuffix(".0"),
                None,
            )
        return make_slot("float", "csharp", rng, f"%.{places}f")
    if ftype == "bool":
        return Slot("bool", lambda r: r.choice(("True", "False")), ["True", "False"])
    if ftype == "TimeSpan":
        return make_slot("duration", "csharp", rng)
    if ftype in ("DateTime", "DateTimeOffset"):
        zone = " +00:00" if ftype == "DateTimeOffset" else ""
        return Slot(
            "timestamp",
            lambda r: (
                f"12/{r.randint(1, 28):02d}/2026 {r.randint(0, 23):02d}:"
                f"{r.randint(0, 59):02d}:{r.randint(0, 59):02d}{zone}"
            ),
            None,
        )
    if ftype in ("Guid", "GuidId", "ActivationId"):
        return Slot("id", lambda r: "-".join(_hex(r, n) for n in (8, 4, 4, 4, 12)), None)
    if ftype in ("SiloAddress", "SiloAddressLogValue"):  # S<endpoint>:<generation>
        silos = [f"S{_ip(rng)}:11111:{rng.randint(10**8, 10**9 - 1)}" for _ in range(5)]
        return _choice_slot(silos[: rng.randint(1, 5)])
    if ftype in ("GrainId", "ClientGrainId"):  # <type>/<key>
        grain_types = rng.sample(_list("user account sys.client stg order cart device"), 3)
        return Slot("id", lambda r: f"{r.choice(grain_types)}/{_hex(r, 32)}", None)
    if ftype == "SiloStatus":
        return _choice_slot(rng.sample(_SILO_STATUSES, rng.randint(2, 4)))
    if ftype in ("MembershipVersion", "TableVersion"):
        return make_slot("number", "csharp", rng)
    if ftype.endswith("Exception"):
        return make_slot("error", "csharp", rng)
    if _CSHARP_SEQUENCES.search(ftype):
        item = _csharp_slot(ftype.partition("<")[2].rstrip(">").removesuffix("[]"), hint, "", rng)
        return Slot(
            "list", lambda r: ", ".join(item.value(r) for _ in range(r.randint(1, 4))), None
        )
    return make_slot(kind_of(hint, rng), "csharp", rng)


def _spaced(items: Slot) -> Slot:
    """A list's items as one string, joined by spaces."""
    return Slot("name", lambda r: items.value(r).replace("\x00", " "), None)


_SERILOG_BARE = frozenset(("number", "float", "bool", "duration", "timestamp", "hex", "list"))


def _template_message(
    text: str, call: dict[str, Any], language: str, rng: random.Random, serilog: bool = False
) -> list[str | tuple[Slot, str]]:
    """A Microsoft.Extensions.Logging message template ([LoggerMessage] methods): each
    ``{Name}`` takes the parameter of that name (``args``, ``types``), written by its type and
    the hole's format; a sequence is written as its items joined by ``, ``.

    ``serilog``: the template as Serilog's ``{Message}`` renders it (Jellyfin's file log), the
    holes taking the call's arguments in order; a value the record marks ``quoted`` (a string,
    an object written by its ``ToString()``) in double quotes, one marked ``False`` (a number,
    a bool, a ``Guid``, a ``TimeSpan``, an enum) bare, and one of unknown type judged from its
    kind; a sequence ``["a", "b"]``."""
    args = list(call.get("args", []))
    types = list(call.get("types", []))
    quoted: list[bool | None] = list(call.get("quoted", []))
    out: list[str | tuple[Slot, str]] = []
    index = 0
    for match in _brace_fields(_TEMPLATE_HOLE, text, out):
        spec = match.group(1).partition(":")[2]
        hint = args[index] if index < len(args) else match.group(1)
        ftype = types[index] if index < len(types) else ""
        quote = quoted[index] if index < len(quoted) else None
        index += 1
        slot = _csharp_slot(ftype, hint, spec, rng)
        if not serilog:
            out.append((slot, "plain"))
            continue
        if quote is None:
            quote = slot.kind not in _SERILOG_BARE
        if quote and slot.kind == "list":  # a string its name calls a list: its words
            slot = _spaced(slot)
        out.append((slot, "serilog" if quote else "plain"))
    return out


_ZIG_TAGS = _list(
    "ground escape csi_entry osc_string dcs_passthrough new_window close_surface "
    "toggle_fullscreen copy_to_clipboard paste_from_clipboard set_title primary clipboard "
    "running exited focused hidden"
)
_ZIG_FIELD = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_ZIG_BOOLS = _set(
    "is has focused visible enabled active fullscreen dirty decorated resizable inherited "
    "ok changed found wait"
)
# Numbers of TigerBeetle's replication protocol, printed by {} as integers: an op, a
# checkpoint (an op), a commit, a view, a replica's index, a client's id.
_ZIG_NUMBERS = _set("op ops checkpoint commit replica view client")


def _zig_message(
    text: str, call: dict[str, Any], rng: random.Random, choices: list[list[str] | None]
) -> list[str | tuple[Slot, str]]:
    """A Zig std.fmt format: each {...} takes the tuple's next argument, {{ and }} are
    braces."""
    args = list(call.get("args", []))
    out: list[str | tuple[Slot, str]] = []
    for index, match in enumerate(_brace_fields(_ZIG_FIELD, text, out)):
        hint = args[index] if index < len(args) else ""
        known = choices[index] if index < len(choices) else None
        out.append(
            (_choice_slot(known) if known else _zig_slot(match.group(1), hint, rng), "plain")
        )
    return out


def _zig_slot(spec: str, hint: str, rng: random.Random) -> Slot:
    """A value as Zig's std.fmt writes it: {} an error as error.Name, an enum as .tag, a bool,
    an integer; {t} a tag's name; {s} a string; {d} a number, {d:.2} with two places; {x} and
    {X} hex ({x:0>16} padded); {c} a byte; {b} binary; {Bi} a size in IEC units; {f} and
    {any} by what the argument is."""
    conversion, _, options = spec.partition(":")
    conversion = conversion.lstrip("?")
    words = hint_words(hint)
    last = words[-1] if words else ""
    if conversion in ("", "t") and last in ("err", "e", "error"):
        names = rng.sample(_ZIG_ERRORS, rng.randint(2, 5))
        return _choice_slot([n if conversion == "t" else "error." + n for n in names])
    if conversion in ("x", "X"):
        width = int(options[2:]) if options.startswith("0>") and options[2:].isdigit() else 0
        slot = make_slot("hex", "zig", rng, f"%0{width}{conversion}" if width else "%" + conversion)
        return slot
    if conversion == "d" and options.startswith("."):
        return make_slot("float", "zig", rng, f"%.{options[1:]}f")
    if conversion == "d":
        return make_slot("number", "zig", rng)
    if conversion == "c":
        return make_slot("char", "zig", rng)
    if conversion == "b":
        return Slot("number", lambda r: format(r.randint(0, 255), "b"), None)
    if conversion == "Bi":
        return Slot("number", lambda r: f"{r.uniform(1, 1000):.3f}KiB".replace(".000", ""), None)
    if conversion == "t" or hint.startswith("@tagName("):
        return _choice_slot(rng.sample(_ZIG_TAGS, rng.randint(2, 5)))
    if conversion == "" and (last in _ZIG_NUMBERS or re.search(r"\w [-+] 1$", hint)):
        return make_slot("number", "zig", rng)
    kind = kind_of(hint, rng)
    if conversion == "":
        if words and (words[0] in ("is", "has") or last in _ZIG_BOOLS):
            return make_slot("bool", "zig", rng)
        if kind in ("state", "symbol"):  # an enum: .tag
            return _choice_slot(["." + tag for tag in rng.sample(_ZIG_TAGS, rng.randint(2, 4))])
        if kind not in ("number", "bool", "error"):
            kind = "number"
    if kind == "duration":
        kind = "number"
    if kind == "list":
        kind = "name"
    return make_slot(kind, "zig", rng)


_SWIFT_TYPES = _list(
    "SourceKitLSP.SwiftLanguageService ClangLanguageService.ClangLanguageService "
    "BuildServerIntegration.SwiftPMBuildServer BuildServerIntegration.JSONCompilationDatabase"
    "BuildServer LanguageServerProtocol.HoverRequest LanguageServerProtocol.CompletionRequest "
    "LanguageServerProtocol.DidOpenTextDocumentNotification "
    "SemanticIndex.UpdateIndexStoreTaskDescription"
)
_SWIFT_METHODS = _list(
    "textDocument/didOpen textDocument/didChange textDocument/completion textDocument/hover "
    "workspace/didChangeWatchedFiles build/sourceKitOptionsChanged window/workDoneProgress/create"
)


def _swift_slot(hint: str, rng: random.Random) -> Slot:
    """A value as Swift interpolates it into sourcekit-lsp's log (its description, every
    value written out): a document's URI, a type's full name, an LSP method, a USR, an error,
    an array as ["a", "b"], or what its expression says."""
    hint = re.sub(r",\s*privacy:\s*\.\w+$", "", hint).replace(".forLogging", "")
    words = hint_words(hint)
    last = words[-1] if words else ""
    if (hint.startswith("type(of:") and not hint.endswith(".method")) or hint.endswith(".self"):
        return _choice_slot(rng.sample(_SWIFT_TYPES, rng.randint(2, 5)))
    if hint.endswith(".method"):
        return _choice_slot(rng.sample(_SWIFT_METHODS, rng.randint(2, 4)))
    if (last in ("error", "exception", "description") and "error" in words) or last == "exception":
        return make_slot("error", "swift", rng)
    if last == "usr":
        return Slot(
            "id", lambda r: f"s:{r.randint(2, 20)}{r.choice(_VOCAB).title()}{_hex(r, 6)}V", None
        )
    if "timeIntervalSince" in hint:  # a Double, written as the shortest text that reads back
        return Slot("float", lambda r: repr(r.uniform(0, 60000)), None)
    if "language" in words:
        return _choice_slot(rng.sample(_list("swift c cpp objective-c objective-cpp"), 3))
    if hint == "#function":
        return _choice_slot(
            [f"{w}{v.title()}()" for w, v in zip(_VOCAB[:4], _VOCAB[8:12], strict=True)]
        )
    if last in ("uri", "url", "file", "document") or hint.endswith(("Uri", "URL", "File")):
        return Slot("path", lambda r: "file://" + _path(r) + ".swift", None)
    kind = kind_of(hint, rng)
    if kind == "list":
        item = make_slot(rng.choice(("name", "path", "word")), "swift", rng)
        return Slot(  # written here: not a "list", which the renderer would write again
            "array",
            lambda r: (
                "[" + ", ".join(json.dumps(item.value(r)) for _ in range(r.randint(1, 4))) + "]"
            ),
            None,
        )
    if kind == "duration":
        return Slot("duration", lambda r: f"{r.uniform(0, 30):.6f} seconds", None)
    return make_slot(kind, "swift", rng)


_TLP_PLUGINS = _list(
    "thinkpad thinkpad-legacy lenovo huawei msi samsung lg sony system76 toshiba cros-ec "
    "macbook dell wilco-ec tuxedo asus generic"
)
_TLP_BATTERIES = _list("BAT0 BAT1 BAT0 CMB0 BATT BATC")
_TLP_NODES = _list(
    "charge_control_start_threshold charge_control_end_threshold charge_start_threshold "
    "charge_stop_threshold charge_behaviour charge_types force_discharge"
)
_TLP_WORDS: dict[str, list[str]] = {
    "bm": _list("natacpi tpsmapi none"),
    "pp": _list("performance balanced power-saver"),
    "profile": _list("performance balanced power-saver"),
    "gov": _list("powersave performance schedutil ondemand"),
    "opmode": _list("active passive guided"),
    "iface": _list("wlp3s0 wlan0 enp0s31f6 wwan0"),
    "gpu": _list("card0 card1"),
    "disk": _list("sda nvme0n1 sdb mmcblk0"),
    "action": _list("add remove change"),
    "shell": _list("/bin/sh /usr/bin/dash /usr/bin/bash"),
    "umask": _list("0022 0027"),
}
_TLP_NUMBERS = _set(
    "rc thresh start stop soc limit min max freq volt pwr cur idx cn step target en st fd "
    "natacpi tpsmapi syspwr pwrmode timeout wait time level perf boost val cnt repeats pnum "
    "ec cage bct bs old new dischg read readsm chtype"
)


def _shell_slot(hint: str, rng: random.Random) -> Slot:
    """A value a TLP trace expands, as the shell writes it (no quotes): a battery, a battery
    driver plugin, a sysfs node or path, a result code, a threshold or another number, a word
    from the few a variable holds; $1... take one of these families."""
    inner = hint.strip("${}()").replace('"', " ")
    words = hint_words(inner)
    last = words[-1] if words else ""
    if "plugin" in words:
        return _choice_slot(rng.sample(_TLP_PLUGINS, rng.randint(1, 2)))
    if hint in ("$?",) or last == "rc":
        return _choice_slot(["0", "0", "0", "1", "2", "4"])
    for key, values in _TLP_WORDS.items():
        if key in words:
            return _choice_slot(rng.sample(values, rng.randint(1, len(values))))
    if ("bat" in words and last in ("bat", "str", "name")) or last == "batteries":
        names = rng.sample(_TLP_BATTERIES[1:], rng.randint(1, 2))
        return _choice_slot([" ".join(names)] if last == "batteries" else names)
    if "bn" in words:
        return _choice_slot(rng.sample(_TLP_NODES, rng.randint(1, 3)))
    if "bf" in words or "bd" in words or last in ("path", "file", "dpath", "ddev", "oldpath"):
        battery = rng.choice(_TLP_BATTERIES)
        return Slot(
            "path",
            lambda r: (
                f"/sys/class/power_supply/{battery}" + ("/" + r.choice(_TLP_NODES)) * (last != "bd")
            ),
            None,
        )
    if re.fullmatch(r"\$[1-9]", hint):
        family = rng.choice(("number", "battery", "word"))
        if family == "battery":
            return _choice_slot(rng.sample(_TLP_BATTERIES[1:], 2))
        if family == "word":
            return _choice_slot(rng.sample(_list("start stop dischg true false auto"), 3))
        return Slot("number", lambda r: str(r.randint(0, 100)), None)
    if last in _TLP_NUMBERS or set(words) & {"thresh", "soc", "freq"}:
        return Slot("number", lambda r: str(r.randint(0, 100)), None)
    kind = kind_of(inner, rng)
    if kind in ("duration", "float"):
        kind = "number"
    if kind == "list":
        item = make_slot("name", "shell", rng)
        return Slot(
            "array", lambda r: " ".join(item.value(r) for _ in range(r.randint(1, 3))), None
        )
    return make_slot(kind, "shell", rng)


def _geth_message(text: str) -> str:
    """go-ethereum's escapeMessage: the message quoted when it holds '=' or a character
    below ' ' (tab, CR and LF aside) or above '~'."""
    if any(char == "=" or char > "~" or (char < " " and char not in "\r\n\t") for char in text):
        return json.dumps(text, ensure_ascii=False)
    return text


_GETH_NOT_COUNTS = _set("status address progress ids hashes roots keys names urls paths peers")
_GETH_ACCOUNTS = _set("address addr from to account owner sender coinbase recipient")
_GETH_NUMBERS = re.compile(r"(?:Number|NumberU64|Uint64|Int64|Len|Count|Nonce|Time)\(?\)?$")


def _geth_grouped(slot: Slot) -> Slot:
    """An integer as go-ethereum's terminal writes it: from 100000 on, grouped by commas."""

    def draw(r: random.Random) -> str:
        number = int(slot.value(r))
        return f"{number:,}" if number >= 100000 else str(number)

    return Slot("number", draw, None)


def _geth_duration(r: random.Random) -> str:
    """time.Duration's String, as common.PrettyDuration cuts it to three decimals."""
    form = r.random()
    if form < 0.45:
        return f"{r.uniform(0.001, 999):.3f}ms".replace(".000ms", "ms")
    if form < 0.75:
        return f"{r.uniform(1, 59):.3f}s"
    if form < 0.9:
        return f"{r.randint(1, 59)}m{r.uniform(0, 59):.3f}s"
    return f"{r.uniform(1, 999):.3f}µs"


def _geth_age(r: random.Random) -> str:
    """common.PrettyAge: up to three units, 1d2h3m."""
    units = ("y", "mo", "w", "d", "h", "m", "s")
    first = r.randint(0, len(units) - 1)
    return "".join(f"{r.randint(1, 11)}{unit}" for unit in units[first : first + r.randint(1, 3)])


def _geth_slot(key: str, arg: str, rng: random.Random) -> Slot:
    """A value as go-ethereum's terminal format writes it, judged by the key and the argument:
    a hash by its TerminalString (abcdef..123456), a number grouped, a duration or age as
    common's PrettyDuration and PrettyAge write them, a size as StorageSize (12.34 MiB), an
    account as its checksummed 0x address."""
    key_words = hint_words(key)
    if "PrettyAge" in arg or key == "age":
        return Slot("duration", _geth_age, None)
    if (
        "PrettyDuration" in arg
        or "time.Since" in arg
        or ".Sub(" in arg
        or set(key_words) & {"elapsed", "eta", "took", "time", "wait", "timeout", "delay"}
    ):
        return Slot("duration", _geth_duration, None)
    if "StorageSize" in arg:
        units = ("B", "KiB", "MiB", "GiB")
        return Slot("number", lambda r: f"{r.uniform(1, 1000):.2f} {r.choice(units)}", None)
    if set(key_words) & {"err", "error"} or arg == "err":
        return make_slot("error", "go", rng)
    counted = (
        key_words[-1:] and key_words[-1].endswith("s") and key_words[-1] not in _GETH_NOT_COUNTS
    )
    if (
        _GETH_NUMBERS.search(arg)
        or arg.endswith(".Load()")
        or arg.startswith("len(")
        or counted
        or set(key_words)
        & _set("number block count nonce reqid index tail slot epoch period start end first last")
    ):
        return _geth_grouped(make_slot("number", "go", rng))
    if arg.endswith(("Hash()", "Hash", "Root()", "Root")) or set(key_words) & {
        "hash",
        "root",
        "txhash",
        "parent",
        "head",
        "tx",
    }:
        return Slot("id", lambda r: f"{_hex(r, 6)}..{_hex(r, 6)}", None)
    if (key_words[-1:] and key_words[-1] in _GETH_ACCOUNTS) or hint_words(arg)[-1:] == ["address"]:

        def account(r: random.Random) -> str:
            return "0x" + "".join(c.upper() if r.random() < 0.5 else c for c in _hex(r, 40))

        return _choice_slot([account(rng) for _ in range(rng.randint(2, 8))])
    if key in ("peer", "id") or arg.endswith("ID()"):
        return Slot("id", lambda r: _hex(r, 16), None)
    hinted = any(word in names for word in key_words for _, names in _HINTS)
    kind = kind_of(key if hinted else key + " " + arg, rng)
    if kind == "number":
        return _geth_grouped(make_slot("number", "go", rng))
    if kind == "float":
        return make_slot("float", "go", rng, "%.3f")
    return make_slot(kind, "go", rng)


# -- the thirteenth split: FoundationDB's trace events, Fluentd's pairs, Icinga 2's streams --

# FoundationDB's errors as error_definitions.h names them: name, description, code.
_FDB_ERRORS = (
    ("operation_failed", "Operation failed", "1000"),
    ("wrong_shard_server", "Shard is not available from this server", "1001"),
    ("timed_out", "Operation timed out", "1004"),
    ("all_alternatives_failed", "All alternatives failed", "1006"),
    ("transaction_too_old", "Transaction is too old to perform reads or be committed", "1007"),
    ("future_version", "Request for future version", "1009"),
    ("movekeys_conflict", "Conflicting attempts to change data distribution", "1010"),
    ("tlog_stopped", "TLog stopped", "1011"),
    ("connection_failed", "Network connection failed", "1026"),
    ("coordinators_changed", "Coordination servers have changed", "1027"),
    ("request_maybe_delivered", "Request may or may not have been delivered", "1030"),
    ("process_behind", "Storage process does not have recent mutations", "1037"),
    ("broken_promise", "Broken promise", "1100"),
    ("operation_cancelled", "Asynchronous operation cancelled", "1101"),
    ("recruitment_failed", "Recruitment of a server failed", "1200"),
    ("worker_removed", "Normal worker shut down", "1202"),
    ("please_reboot", "Reboot of server process requested", "1207"),
    ("io_error", "Disk i/o operation failed", "1510"),
    ("file_not_found", "File not found", "1511"),
    ("io_timeout", "A disk IO operation failed to complete in a timely manner", "1521"),
)
_FDB_STATES = _list(
    "reading_coordinated_state locking_coordinated_state recruiting_transaction_servers "
    "initializing_transaction_servers recovery_transaction writing_coordinated_state "
    "accepting_commits all_logs_recruited storage_recovered fully_recovered"
)
_FDB_SYMBOLS = _list("ssd-2 ssd-redwood-1 ssd-rocksdb-v1 ssd-sharded-rocksdb memory triple double")
_FDB_ROLES = _list(
    "storage transaction_log commit_proxy grv_proxy resolver master cluster_controller"
)
_FDB_BOOLS = re.compile(
    r"(?:^|[.>_])(?:is|has|can|should|use|enable|enabled|allow|found|done|ok|success|primary|"
    r"present\(\)|empty\(\)|isValid\(\)|isReady\(\))",
    re.I,
)


def _fdb_key(r: random.Random) -> str:
    """A key as FoundationDB's printable() writes it: bytes outside ' '..'~' as \\xNN."""
    form = r.random()
    if form < 0.3:
        return "\\xff/keyServers/" + "".join(f"\\x{r.randint(0, 255):02x}" for _ in range(3))
    if form < 0.5:
        return "\\x15" + "".join(f"\\x{r.randint(0, 40):02x}" for _ in range(r.randint(1, 3)))
    if form < 0.7:
        return f"\\xff\\x02/blog/{_hex(r, 16)}"
    return f"{r.choice(_VOCAB)}/{r.randint(0, 99999):05d}"


def _fdb_number(r: random.Random, high: int) -> str:
    return str(r.randint(0, high))


def _fdb_slot(key: str, arg: str, rng: random.Random) -> Slot:
    """A TraceEvent detail as its Traceable writes it, judged from its key and expression."""
    words = hint_words(key) + hint_words(arg)
    last = hint_words(key)[-1] if hint_words(key) else ""
    if key.endswith(("ID", "Id", "UID", "Uid")) or arg.endswith(("id()", "Id", "ID", "->id")):
        return Slot("id", lambda r: _hex(r, 16), [_hex(rng, 16) for _ in range(rng.randint(1, 6))])
    if last in ("version", "versions", "epoch", "ver") or "version" in hint_words(key):
        base = rng.randint(10**9, 10**12)
        return Slot("number", lambda r: str(base + r.randint(0, 10**8)), None)
    if last in ("address", "addr", "peer", "endpoint", "server", "worker", "coordinator"):
        pool = [f"10.0.{rng.randint(0, 9)}.{rng.randint(2, 250)}:{4500 + rng.randint(0, 3)}"]
        pool += [f"10.0.{rng.randint(0, 9)}.{rng.randint(2, 250)}:4500:tls" for _ in range(3)]
        return Slot("address", lambda r: r.choice(pool), pool)
    if last in ("begin", "end", "key", "prefix", "range", "keys") and "count" not in words:
        return Slot("key", _fdb_key, None)
    if last in ("tag", "tags", "locality"):
        return Slot("tag", lambda r: f"{r.randint(-2, 2)}:{r.randint(0, 30)}", None)
    if _FDB_BOOLS.search(arg) or last in ("enabled", "primary", "success", "done"):
        return Slot("bool", lambda r: r.choice("01"), ["0", "1"])
    if last in ("role", "roles"):
        return Slot("symbol", lambda r: r.choice(_FDB_ROLES), rng.sample(_FDB_ROLES, 3))
    kind = kind_of(key + " " + arg, rng)
    if last in ("time", "elapsed", "seconds", "delay", "rate", "ratio", "duration", "latency"):
        return Slot("float", lambda r: f"{r.uniform(0, 100):.6g}", None)
    if kind == "address":
        return _fdb_slot("Address", arg, rng)
    if kind == "state":
        return Slot("state", lambda r: r.choice(_FDB_STATES), rng.sample(_FDB_STATES, 4))
    if kind == "symbol":
        return Slot("symbol", lambda r: r.choice(_FDB_SYMBOLS), rng.sample(_FDB_SYMBOLS, 3))
    if last == "code":
        return Slot("number", lambda r: r.choice(_FDB_ERRORS)[2], None)
    if kind == "duration" or last in ("time", "elapsed", "seconds", "delay", "rate", "ratio"):
        return Slot("float", lambda r: f"{r.uniform(0, 100):.6g}", None)
    if kind == "error":
        return Slot("error", lambda r: r.choice(_FDB_ERRORS)[0], None)
    if kind in ("number", "list") or last in ("bytes", "size", "count", "shards", "teams"):
        return Slot("number", lambda r: _fdb_number(r, 10**6), None)
    if kind == "path":
        return make_slot("path", "cpp", rng)
    return make_slot(kind, "cpp", rng)


def _fdb_event(
    text: str, call: dict[str, Any], rng: random.Random, choices: list[list[str] | None]
) -> list[str | tuple[Slot, str]]:
    """FoundationDB's XML trace event without its Severity, Time and DateTime (the header)
    and the ThreadID, Machine, LogGroup and Roles its log adds after the details: the event's
    Type, its ID (a UID's first 16 hex digits, zeros when the call gives none), each
    .detail("Key", value) in the call's order and .error(e)'s Error, ErrorDescription and
    ErrorCode where the chain calls it."""
    parts: list[str | tuple[Slot, str]] = [f'<Event Type="{text}" ID="']
    if call.get("id_arg"):
        ids = [_hex(rng, 16) for _ in range(rng.randint(1, 4))]
        parts.append((Slot("id", lambda r: _hex(r, 16), ids), "plain"))
    else:
        parts.append("0000000000000000")
    parts.append('"')
    keys, args = list(call.get("keys", [])), list(call.get("key_args", []))
    index = 0
    while index < len(keys):
        key = keys[index]
        arg = args[index] if index < len(args) else key
        known = choices[index] if index < len(choices) else None
        if keys[index : index + 3] == ["Error", "ErrorDescription", "ErrorCode"]:
            pool = rng.sample(_FDB_ERRORS, rng.randint(1, 4))
            errors = _choice_slot(["\x00".join(error) for error in pool])
            parts.extend([' Error="', (errors, "fdb-error"), '"'])
            index += 3
            continue
        slot = _choice_slot(known) if known else _fdb_slot(key, arg, rng)
        parts.extend([f' {key}="', (slot, "xml"), '"'])
        index += 1
    parts.append(" />")
    return parts


# Exceptions Fluentd meets: the class and its message.
_RUBY_EXCEPTIONS = (
    ("Errno::ECONNREFUSED", "Connection refused - connect(2) for {ip}:24224"),
    ("Errno::ECONNRESET", "Connection reset by peer"),
    ("Errno::EPIPE", "Broken pipe"),
    ("Errno::ENOENT", "No such file or directory @ rb_sysopen - {path}"),
    ("Errno::EACCES", "Permission denied @ rb_sysopen - {path}"),
    ("Timeout::Error", "execution expired"),
    ("IOError", "closed stream"),
    ("Fluent::Plugin::Buffer::BufferOverflowError", "buffer space has too many data"),
    ("Fluent::ConfigError", "'path' parameter is required"),
    ("JSON::ParserError", "unexpected token at 'user=alice'"),
    (
        "OpenSSL::SSL::SSLError",
        "SSL_connect returned=1 errno=0 state=error: certificate verify failed",
    ),
    ("Encoding::UndefinedConversionError", '"\\xE3" from ASCII-8BIT to UTF-8'),
)
_FLUENT_CLASSES = _list(
    "Fluent::Plugin::ForwardOutput Fluent::Plugin::TailInput Fluent::Plugin::FileBuffer "
    "Fluent::Plugin::ElasticsearchOutput Fluent::Plugin::RecordTransformerFilter "
    "Fluent::Plugin::S3Output Fluent::Plugin::SyslogInput"
)
_FLUENT_TAGS = _list(
    "app.access kubernetes.var.log.containers system.syslog nginx.error fluent.info"
)
_RUBY_EXCEPTION_ARG = re.compile(r"(?:e|ex|err|error|exception|ex\d|e\d|\$!|\w+_error)")


def _ruby_exception(r: random.Random) -> tuple[str, str]:
    name, message = r.choice(_RUBY_EXCEPTIONS)
    return name, message.format(ip=_ip(r), path=_path(r))


def _ruby_slot(hint: str, rng: random.Random) -> Slot:
    """A Ruby value as to_s writes it in Fluentd's message ("#{expr}")."""
    words = hint_words(hint)
    if hint.endswith(".class") or hint.endswith("class.name"):
        if _RUBY_EXCEPTION_ARG.fullmatch(hint.split(".")[0]):
            return Slot("name", lambda r: r.choice(_RUBY_EXCEPTIONS)[0], None)
        return Slot("name", lambda r: r.choice(_FLUENT_CLASSES), rng.sample(_FLUENT_CLASSES, 3))
    receiver, _, method = hint.partition(".")
    if _RUBY_EXCEPTION_ARG.fullmatch(receiver) and method in ("", "message", "to_s"):
        return Slot("error", lambda r: _ruby_exception(r)[1], None)
    if words and words[-1] == "tag":
        return Slot("name", lambda r: r.choice(_FLUENT_TAGS), rng.sample(_FLUENT_TAGS, 3))
    if words[-1:] and words[-1] in ("pid", "ppid", "worker", "time", "port", "retries"):
        return make_slot("number", "ruby", rng)
    if "version" in words:  # RUBY_VERSION, Fluent::VERSION
        return _choice_slot(["3.4.5"] if "ruby" in words else ["1.19.0"])
    kind = kind_of(hint, rng)
    if kind == "duration":
        return Slot("float", lambda r: f"{r.uniform(0, 60):.{r.randint(1, 6)}f}", None)
    if kind == "error":
        return Slot("error", lambda r: _ruby_exception(r)[1], None)
    if kind == "list":  # Array#to_s is inspect
        return Slot(
            "array",
            lambda r: json.dumps(r.sample(_VOCAB, r.randint(1, 3))).replace('","', '", "'),
            None,
        )
    return make_slot(kind, "ruby", rng)


def _fluentd_pairs(call: dict[str, Any], rng: random.Random) -> list[str | tuple[Slot, str]]:
    """Fluentd's " key=value" after the message, each value written by inspect: a string in
    double quotes, a number or a class bare, an exception #<Class: message>; an error: pair
    of an exception, where the call gives no error_class:, as error_class=Class error="..."."""
    keys, args = list(call.get("keys", [])), list(call.get("key_args", []))
    out: list[str | tuple[Slot, str]] = []
    for index, key in enumerate(keys):
        arg = args[index] if index < len(args) else key
        exception = _RUBY_EXCEPTION_ARG.fullmatch(arg) is not None
        if key == "error" and exception and "error_class" not in keys:
            pool = ["\x00".join(_ruby_exception(rng)) for _ in range(rng.randint(2, 5))]
            out.extend([" error_class=", (_choice_slot(pool), "ruby-error")])
            continue
        out.append(f" {key}=")
        if exception:
            pool = ["#<{}: {}>".format(*_ruby_exception(rng)) for _ in range(rng.randint(2, 5))]
            out.append((_choice_slot(pool), "plain"))
            continue
        slot, bare = _fluentd_value(key, arg, rng)
        out.append((slot, "plain" if bare else "go-quoted"))
    return out


_FLUENT_TYPES = _list("forward tail elasticsearch s3 file stdout http syslog record_transformer")
_FLUENT_SYMBOLS = _list("transport udp tcp none event_loop in_tail_refresh_watchers flush_thread_0")
_FLUENT_NUMBERS = _set("pid ppid worker port limit size retry_times flushed_at usage seq instance")


def _fluentd_value(key: str, arg: str, rng: random.Random) -> tuple[Slot, bool]:
    """A pair's value and whether inspect writes it bare (a number, a Symbol, a class, a
    struct) rather than in double quotes (a String)."""
    if key in _FLUENT_NUMBERS or arg.endswith(("object_id", ".size", ".length", "bytesize")):
        return make_slot("number", "ruby", rng), True
    if arg.startswith("dump_unique_id_hex") or key in ("chunk", "chunk_id"):
        return Slot("id", lambda r: _hex(r, 32), None), False
    if key in ("title", "heartbeat_type"):  # a Symbol: :name
        symbols = [":" + name for name in rng.sample(_FLUENT_SYMBOLS, 3)]
        return _choice_slot(symbols), True
    if key in ("type", "plugin_type"):
        return _choice_slot(rng.sample(_FLUENT_TYPES, 3)), False
    if key == "plugin_id":
        return Slot("id", lambda r: f"object:{_hex(r, 4)}", None), False
    if key == "metadata":  # a Buffer::Metadata struct's inspect
        return (
            Slot(
                "name",
                lambda r: (
                    "#<struct Fluent::Plugin::Buffer::Metadata timekey=nil, "
                    f'tag="{r.choice(_FLUENT_TAGS)}", variables=nil, seq=0>'
                ),
                None,
            ),
            True,
        )
    if key == "record" or arg.startswith("JSON.generate"):
        return (
            Slot(
                "name",
                lambda r: json.dumps(
                    {"message": r.choice(_VOCAB), "pid": r.randint(1, 99)}, separators=(",", ":")
                ),
                None,
            ),
            False,
        )
    slot = _ruby_slot(arg if arg != key and not arg.startswith("@") else key + " " + arg, rng)
    return slot, slot.kind in ("number", "float", "bool", "array") or arg.endswith(".class")


# Icinga 2's objects and errors, as its log writes them.
_ICINGA_HOSTS = _list(
    "web01 db-primary mail.example.com icinga2-agent1.localdomain k8s-node3 nas01"
)
_ICINGA_SERVICES = _list("ping4 http disk load ssh swap procs ntp_time mysql_health")
_ICINGA_ZONES = _list("master satellite-eu satellite-us global-templates director-global agents")
_ICINGA_ERRORS = (
    "Error: Function call 'connect' failed with error code 111, 'Connection refused'",
    "Error: Function call 'open' for file '{path}' failed with error code 2, 'No such file or "
    "directory'",
    "Error: Object '{host}' of type 'Host' re-defined",
    "Error: Timeout was reached (10) and no message has been received",
    "Error: Could not resolve host '{host}'",
    "Operation canceled",
    "End of file",
    "certificate verify failed",
)


def _icinga_error(r: random.Random) -> str:
    return r.choice(_ICINGA_ERRORS).format(path=_path(r), host=r.choice(_ICINGA_HOSTS))


def _icinga_slot(hint: str, rng: random.Random) -> Slot:
    """A value Icinga 2 streams: an object's name (a host, a service host!service, a zone, an
    endpoint), an exception's DiagnosticInformation without its trace, errno's text, a time;
    a number as an ostream writes it, a double with six significant digits."""
    words = hint_words(hint)
    if "diagnostic" in words or hint.endswith(("what()", ".message()")):
        return Slot("error", _icinga_error, [_icinga_error(rng) for _ in range(rng.randint(2, 5))])
    if "format" in words and "error" in words:
        return make_slot("errno", "c", rng)
    if "date" in words or "timestamp" in words:
        return Slot(
            "timestamp",
            lambda r: (
                f"2026-12-{r.randint(1, 28):02d} {r.randint(0, 23):02d}:"
                f"{r.randint(0, 59):02d}:{r.randint(0, 59):02d} +0000"
            ),
            None,
        )
    if "time" in words or "latency" in words or "rate" in words:
        return Slot("float", lambda r: f"{r.uniform(0, 1000):.6g}", None)
    if "service" in words or "checkable" in words:
        names = [f"{rng.choice(_ICINGA_HOSTS)}!{rng.choice(_ICINGA_SERVICES)}" for _ in range(6)]
        return Slot("name", lambda r: r.choice(names), names)
    if "zone" in words:
        return Slot("name", lambda r: r.choice(_ICINGA_ZONES), rng.sample(_ICINGA_ZONES, 4))
    if "peek" in words or "errno" in words[-1:] or "last" in words:
        return Slot("number", lambda r: str(r.randint(10**8, 4 * 10**9)), None)
    if {"host", "endpoint", "arguments", "identity", "cn", "node"} & set(words):
        return Slot("name", lambda r: r.choice(_ICINGA_HOSTS), rng.sample(_ICINGA_HOSTS, 4))
    kind = kind_of(hint, rng)
    if kind == "error":
        return Slot("error", _icinga_error, [_icinga_error(rng) for _ in range(rng.randint(2, 5))])
    if kind == "duration":
        return Slot("float", lambda r: f"{r.uniform(0, 300):.6g}", None)
    return make_slot(kind, "cpp", rng)


def _kea_mac(r: random.Random) -> str:
    return "08:00:27:" + ":".join(_hex(r, 2) for _ in range(3))


def _kea_label(v6: bool, r: random.Random) -> str:
    """A packet's getLabel(): DHCPv4 "[hwtype=1 mac], cid=[...], tid=0x..."; DHCPv6
    "duid=[...], tid=0x..."."""
    mac = _kea_mac(r)
    if v6:
        return f"duid=[00:03:00:01:{mac}], tid=0x{_hex(r, 6)}"
    cid = f"[01:{mac}]" if r.random() < 0.6 else "[no info]"
    return f"[hwtype=1 {mac}], cid={cid}, tid=0x{_hex(r, 8)}"


def _kea_address(v6: bool, r: random.Random) -> str:
    if v6:
        return f"2001:db8:{r.randint(1, 9)}::{r.randint(1, 4095):x}"
    return f"192.0.2.{r.randint(1, 254)}"


def _kea_slot(hint: str, v6: bool, rng: random.Random) -> Slot:
    """A value Kea's .arg() writes: a packet's label, a lease's or subnet's address as its
    toText() prints it, a DUID, an FQDN, a time, a duration as the number of the unit its text
    names ("in %3 milliseconds"); or what its expression says (Kudu's C++)."""
    words = hint_words(hint)
    if hint.endswith("getLabel()"):
        return Slot("label", lambda r: _kea_label(v6, r), None)
    if "subnet" in words and words[-2:] == ["to", "text"]:
        prefix = "2001:db8:{}::/64" if v6 else "192.0.{}.0/24"
        pool = [prefix.format(n) for n in rng.sample(range(1, 10), rng.randint(2, 5))]
        return Slot("address", lambda r: r.choice(pool), pool)
    addressed = {"addr", "address", "remote", "local"} & set(words)
    if addressed and (words[-2:] == ["to", "text"] or words[-1] in ("addr", "address")):
        return Slot("address", lambda r: _kea_address(v6, r), None)  # an IOAddress, streamed
    if "identifier" in words and words[-2:] == ["as", "text"]:  # a host's "hw-address=..."
        return Slot("id", lambda r: "hw-address=" + _kea_mac(r), None)
    if "duid" in words:
        return Slot("id", lambda r: "00:03:00:01:" + _kea_mac(r), None)
    if (
        hint.startswith("static_cast<int>")
        or {"prefixlen", "iaid", "result"} & set(words)
        or ("subnet" in words and words[-1:] == ["id"])
    ):
        return make_slot("number", "cpp", rng)  # a length, an IAID, a subnet's id, a count
    if "fqdn" in words or "hostname" in words:
        pool = [f"{rng.choice(_VOCAB)}-{n}.example.org." for n in rng.sample(range(1, 99), 6)]
        return Slot("name", lambda r: r.choice(pool), pool)
    if "ptime" in words:
        return Slot(
            "timestamp",
            lambda r: (
                f"2026-Dec-{r.randint(1, 28):02d} {r.randint(0, 23):02d}:"
                f"{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"
            ),
            None,
        )
    if kind_of(hint, random.Random(0)) == "duration":
        return make_slot("number", "cpp", rng)  # a number of the unit the text writes after it
    return _cpp_slot(hint, rng)


# Fs String()s of the backends a sync joins: local, S3, Google Drive, B2, Azure Blob.
_RCLONE_FS = (
    "Local file system at /srv/backup",
    "S3 bucket media path photos",
    "S3 bucket backups",
    "Google drive root 'archive'",
    "B2 bucket offsite path db",
    "Azure container logs",
)


def _rclone_remote(r: random.Random) -> str:
    """An object's String(): its remote, the path under the Fs's root."""
    folder = r.choice(("photos/2026", "backups/db", "docs", "music/albums", "media/video"))
    name = f"{r.choice(_VOCAB)}-{r.randint(1, 999):03d}"
    return f"{folder}/{name}{r.choice(('.jpg', '.sql.gz', '.pdf', '.flac', '.mkv', ''))}"


def _rclone_object(call: dict[str, Any], rng: random.Random) -> list[str | tuple[Slot, str]]:
    """What rclone writes before the message for the object the call names: a string literal
    as it is, an Fs by its String() ("Local file system at /srv/backup", "S3 bucket media path
    photos"), an object or directory by its remote ("photos/2026/img-042.jpg"), then ": "."""
    kind = call.get("object_kind")
    if kind is None:
        return []
    if kind == "literal":
        return [str(call.get("object_literal", "")) + ": "]
    if kind == "fs":
        pool = rng.sample(_RCLONE_FS, 2)
        return [(Slot("name", lambda r: r.choice(pool), pool), "plain"), ": "]
    pool = [_rclone_remote(rng) for _ in range(rng.randint(3, 20))]
    return [(Slot("path", _rclone_remote, pool), "plain"), ": "]


def _choice_slot(values: list[str]) -> Slot:
    """An argument that can only be one of a few strings the source spells out."""
    return Slot("choice", lambda r: r.choice(values), list(values))


def _gokit_quoted(text: str) -> bool:
    return not text or re.search(r'[\s="\x00-\x1f]', text) is not None


def _hclog_name(call: dict[str, Any]) -> str:
    """The logger name hclog prints: the call's "logger" where the record gives one, else the
    package path of the call (agent/consul -> agent.consul)."""
    if call.get("logger"):
        return str(call["logger"])
    folders = [part for part in str(call.get("file", "")).split("/")[:-1] if part]
    return ".".join(folders[-2:]) or "agent"


def _logrus_message(message_parts: list[str | tuple[Slot, str]]) -> list[str | tuple[Slot, str]]:
    # logrus quotes msg when it has spaces (every message of more than one word), escaping the
    # quotes and backslashes in it as strconv.Quote does.
    return ['"', ESCAPE, *message_parts, ESCAPE, '"']


def _go_json(text: str) -> str:
    """Constant text inside a string Go's encoding/json writes: quotes and backslashes escaped,
    and <, > and & written \\u003c, \\u003e, \\u0026 as its HTML-safe encoder does."""
    inner = json.dumps(text, ensure_ascii=False)[1:-1]
    return inner.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _go_printed_list(items: Slot) -> Slot:
    """A slice as fmt's %v prints it in a message, [a b c] (a field's is a JSON array)."""
    return Slot("name", lambda r: "[" + items.value(r).replace("\x00", " ") + "]", None)


def _logrus_json(
    text: str,
    call: dict[str, Any],
    rng: random.Random,
    printf_parts: Callable[[str, list[str]], list[str | tuple[Slot, str]]],
) -> list[str | tuple[Slot, str]]:
    """logrus' JSONFormatter (Argo CD's default --logformat json): one object of the entry's
    fields, "msg", "level" and "time", its keys sorted by encoding/json; "level" and "time" are
    left out as every header is. A field named msg, level or time is renamed fields.msg...;
    WithError's error is its text; Infof's message is printf, Info's the text as it is; a
    string, the message's and a field's alike, is written HTML-safe (-> as -\\u003e)."""
    message: list[str | tuple[Slot, str]] = []
    if call.get("style") == "printf":
        for part in printf_parts(text, list(call.get("args", []))):
            if isinstance(part, str):
                message.append(_go_json(part))
                continue
            slot, how = part
            if slot.kind == "list":  # fmt's %v of a slice: [a b c]
                slot = _go_printed_list(slot)
            message.append((slot, "json-quoted" if how == "go-quoted" else "json"))
    else:
        message.append(_go_json(text))
    entries: list[tuple[str, list[str | tuple[Slot, str]]]] = [("msg", ['"', *message, '"'])]
    keys, args = list(call.get("keys", [])), list(call.get("key_args", []))
    for index, key in enumerate(keys):
        arg = args[index] if index < len(args) else key
        kind = kind_of("err" if key == "error" else key + " " + arg, rng)
        bare = kind in ("number", "bool", "float", "list")
        name = "fields." + key if key in ("msg", "level", "time") else key
        slot = make_slot(kind, "go", rng)
        entries.append((name, [(slot, "plain")] if bare else ['"', (slot, "json"), '"']))
    out: list[str | tuple[Slot, str]] = ["{"]
    for index, (name, value) in enumerate(sorted(entries, key=lambda entry: entry[0])):
        out.append(("," if index else "") + json.dumps(name, ensure_ascii=False) + ":")
        out.extend(value)
    out.append("}")
    return out


def _zap_kind(ftype: str, hint: str, rng: random.Random) -> str:
    if ftype.startswith(("Int", "Uint")):
        return "number"
    if ftype == "Float64":
        return "float"
    if ftype == "Bool":
        return "bool"
    if ftype == "Duration":
        return "duration"
    if ftype == "Strings":
        return "list"
    if ftype == "Error":
        return "error"
    if ftype == "Time":
        return "timestamp"
    return kind_of(hint, rng)


def load_calls(system: str) -> list[dict[str, Any]]:
    with gzip.open(DATA / f"{system}.jsonl.gz", "rt", encoding="utf-8") as source:
        return [json.loads(line) for line in source]


def truth_of(pieces: list[Piece]) -> str:
    """The format as exact truth: each value written ``<*>``, constant text as written.

    Only the variable conventions our templates follow apply (``normalise_variables``: a
    sub-token holding a value is the value, adjacent values fold, spaces collapse); Loghub's
    corrections of constant text (paths, digits, ``null``/``true``) do not, so a constant
    ``NULL``, ``socket(2)`` or closing ``/>`` stays in the truth."""
    return normalise_variables("".join("<*>" if variable else text for text, variable in pieces))


def generate(
    system: System, lines: int = LINES, events: int = EVENTS, seed: int = 1
) -> Iterator[tuple[str, str]]:
    """(line, truth template) pairs for ``system``: ``events`` calls drawn at random, their
    frequencies skewed (Zipf, s = 1.1), every event at least once, in random order."""
    if lines < 1:
        raise ValueError(f"lines must be at least 1, not {lines}")
    rng = random.Random(seed * 1_000_003 + zlib.crc32(system.name.encode()))
    calls = [c for c in load_calls(system.name) if _has_words(c.get("format", ""), system.style)]
    # One event per distinct format: two calls that print the same text are one event.
    by_format: dict[str, dict[str, Any]] = {}
    for call in calls:
        by_format.setdefault(call["format"], call)
    chosen = rng.sample(sorted(by_format), min(events, len(by_format)))
    built = [build_event(by_format[fmt], system, rng) for fmt in chosen]
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(len(built))]
    order = list(range(len(built))) + rng.choices(
        range(len(built)), weights=weights, k=max(lines - len(built), 0)
    )
    rng.shuffle(order)
    for index in order[:lines]:
        pieces = built[index].render(rng, system)
        line = " ".join("".join(text for text, _ in pieces).split())
        yield line, truth_of(pieces)


def write(
    out: Path,
    seed: int = 1,
    splits: tuple[str, ...] = ("tuning", "held-out"),
    lines: int = LINES,
) -> None:
    for system in SYSTEMS.values():
        if system.split not in splits:
            continue
        folder = out / system.split / system.name
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{system.name}_2k.log_structured_corrected.csv"
        with open(path, "w", encoding="utf-8", newline="") as sink:
            rows = csv.writer(sink, lineterminator="\n")
            rows.writerow(("LineId", "Content", "EventTemplate"))
            rendered = generate(system, lines=lines, seed=seed)
            for number, (line, truth) in enumerate(rendered, start=1):
                rows.writerow((number, line, truth))


def line_count(text: str) -> int:
    """``--lines``: a whole number of lines, at least one (argparse's error otherwise)."""
    try:
        lines = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if lines < 1:
        raise argparse.ArgumentTypeError(f"at least 1 line, not {lines}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument(
        "--lines",
        type=line_count,
        default=LINES,
        help="lines per program: more lines are a longer stream of the same events",
    )
    args = parser.parse_args(argv)
    splits = SPLITS if args.split == "all" else (args.split,)
    write(args.out, args.seed, splits, args.lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
