package dev.closeout.postmortem.extraction;

import java.util.List;

/**
 * The root-cause taxonomy of shared/corpus/LABELING.md and the cue phrases that point to each class.
 * Weights: 3 names the class outright ("load balancer", "expired"), 2 is a strong hint, 1 a weak one.
 * Cues are general vocabulary of the field, never words of one postmortem.
 */
final class Taxonomy {

    static final List<String> COMPONENTS = List.of("load-balancer", "web-server", "application", "database", "cache",
            "queue", "dns", "network", "storage", "compute", "certificate", "auth", "third-party", "deploy-pipeline",
            "monitoring", "other");

    static final List<String> TRIGGERS = List.of("configuration-change", "code-change", "traffic-surge",
            "resource-exhaustion", "hardware-failure", "expiry", "dependency-failure", "human-error", "attack",
            "software-bug", "unknown");

    static final CueTable COMPONENT_CUES = new CueTable(COMPONENTS, false, """
            load-balancer 4: load balancer*, load balancing, elb, alb, haproxy, ingress controller*, traefik
            load-balancer 2: envoy, reverse proxy, load balanced, lb, lbs
            load-balancer 1: backend server*, distribut* traffic, traffic distribution, upstream server*, ingress
            load-balancer 1: routing rule*

            web-server 4: nginx, apache, httpd, php fpm, web server*, sites enabled, sites available, lighttpd
            web-server 2: listen directive, server block*, virtual host*, vhost*, iis, tomcat, gunicorn, uwsgi
            web-server 1: port 80, port 443, 500 error*, 502, 503

            application 3: application code, app code, the application, our application, web application, php file*
            application 3: wordpress, wp settings, null pointer, memory leak in the application
            application 2: software, bug, plugin*, widget*, css, javascript, frontend, endpoint*, sdk, regex*
            application 2: exception*, panic*, memory leak, feature flag*, business logic, user interface
            application 2: installer, microservice*, file extension, web interface, controller*, programming
            application 2: backend service*, api service*, url*, blacklist, blocklist, whitelist, allowlist
            application 1: code, app, api, logic, service, function*, library, librarie*, module, script*
            application 1: calculation*, retention policy, validation, unit* of measurement*, while loop, system
            application 1: gradle, worker*, version*, interface

            database 4: mysql, mariadb, postgres*, mongo*, rds, cassandra, dynamodb, spanner, zookeeper, boltdb
            database 4: etcd, redshift, sqlite, couchdb, elasticsearch, database migration*
            database 3: database*, db, dbs, sql, connection pool*, replication, data store*, datastore*
            database 2: query, querie*, replica*, failover, schema, table*, transaction*, deadlock*, consul
            database 2: index*, wraparound, vacuum
            database 1: primary, master, lock*, record*, row*, migration*

            cache 4: cache*, caching, redis, memcache*, varnish
            cache 1: hit rate

            queue 4: queue*, kafka, rabbitmq, sqs, message broker*, pubsub, pub sub, nats, celery
            queue 2: asynchronous, task processing, job processing, background job*, message bus
            queue 1: async, message*, consumer*, job*, event*
            queue 3: publish subscribe, messaging system*, message queue*, jobqueue*, job queue*, broker*

            dns 4: dns, coredns, nameserver*, route53, route 53, cname, dns record*, zone file*
            dns 3: domain name*, resolver*, mx record*, a record*, aaaa record*, servfail, nxdomain
            dns 2: resolv*, domain*, lookup*, ttl, registrar

            network 4: firewall*, router*, bgp, ufw, iptables, port forward*, backbone, subnet*, vpc, fastly, akamai
            network 4: leased line*, packet loss, network partition, peering, cdn, security group*
            network 3: network*, fiber, fibre, switch*, transit, isp, nat gateway*, vpn, connectivity
            network 2: routing, route*, bandwidth, ip address*, link*, dhcp, vcl, interconnect*, tcp, udp, packet*
            network 2: gateway*, proxy, cable*
            network 1: edge, latency, ip, port*, traffic, datacenter*, region*, internet, connection*, blocked

            storage 4: disk*, storage, filesystem*, no space left, s3, object storage, ebs, nfs, hard drive*, ssd*
            storage 3: raid, inode*, volume*, log file*, logs filled, access log*, subversion
            storage 2: space, tmp, backup*, deduplication, block*, bucket*, blob*, write operation*
            storage 1: file*, log*, data, directory, directories, folder*, repositor*
            storage 3: file server*, fileserver*, iops, disk i o, i o operation*

            compute 4: cpu*, vm, vms, virtual machine*, kubernetes, k8s, inotify, operating system*, kernel, ec2
            compute 4: hypervisor*, compute engine, processor*, cluster resource*, eks, gke, aks, docker
            compute 3: container*, pod*, node*, thread*, computer*, chip*
            compute 1: out of memory, oom, ram
            compute 2: host*, machine*, instance*, memory, os, fleet*, autoscal*, worker node*, synapse, hardware
            compute 1: server*, cluster*, reboot*, restart*, capacity, scaling, scale*, image*, resource*, process*

            certificate 4: certificate*, cert, certs, ssl, tls, certbot, letsencrypt, let s encrypt, acme
            certificate 2: https, handshake*, private key*, x509, keystore, ca bundle

            auth 4: authentication, auth, authorization, credential*, password*, sso, oauth, okta, ldap, iam
            auth 4: service token*, access token*, api key*, session cookie*, 2fa, mfa, identity provider*
            auth 2: permission*, token*, login*, log in, sign in, signin, identity, secret*, key rotation
            auth 2: access control*, privilege*, saml, kiam, x forwarded header*
            auth 1: session*, role*, account*, authenticat*, unauthori*

            third-party 4: third party, external provider*, external service*, external api*, vendor*
            third-party 4: provider outage, upstream provider*, saas, external package*, external dependenc*
            third-party 2: provider*, external, github, azure, aws, google cloud, gcp, carrier*, cloud provider*
            third-party 2: partner*, new release of
            third-party 1: upstream, dependenc*, package

            deploy-pipeline 4: ci cd, cicd, pipeline*, build system*, release tooling, release recipe*, release tool*
            deploy-pipeline 4: release process, deployment process, deploy process, automated deployment*
            deploy-pipeline 4: deployment stage, deployment script*, jenkins, github action*, code signing
            deploy-pipeline 3: ci, signing, build server*, continuous integration, validator*, travis, circleci
            deploy-pipeline 2: ansible, terraform, puppet, chef, helm, argo*, spinnaker, deploy tool*
            deploy-pipeline 3: gitops, zuul, deployment procedure*, deploy procedure*, release branch*
            deploy-pipeline 1: build*, artifact*, automated, automation, release*

            monitoring 4: monitoring, alerting, observability, pagerduty, prometheus, grafana, datadog, nagios
            monitoring 2: alert*, metric*, dashboard*, logging, on call, health check*
            monitoring 1: detect*, notification*
            monitoring 3: logstash, fluentd, fluent bit, kibana, splunk, icinga, log ingestion, log pipeline*
            monitoring 3: log analytics, log aggregation, log shipping, log shipper*, telemetry

            other 4: power, electricity, electrical, cooling, grid, generator*, hvac, power outage, power failure
            other 3: power supply, ups, fire, flood, weather, storm, earthquake
            other 2: facility, facilities
            other 2: overheat*
            """);

    static final CueTable TRIGGER_CUES = new CueTable(TRIGGERS, true, """
            configuration-change 4: configuration change*, config change*, configuration update*, config update*
            configuration-change 4: misconfigur*, mis configur*, configuration error*, config error*, bad config*
            configuration-change 4: configuration issue*, config issue*, incorrect configuration, wrong configuration
            configuration-change 4: incorrectly configured, improperly configured, wrongly configured, config push
            configuration-change 4: deploy* ... config*, push* ... config*, rolled out ... config*, policy change*
            configuration-change 4: infrastructure change*, change* to the ... infrastructure, downgrade*
            configuration-change 3: configur*, config*, setting*, rule change*, tweak*, parameter*, configured with
            configuration-change 3: dns change*, firewall rule*, routing rule*, listen* on port, set to, limit set
            configuration-change 3: feature flag*, enabl*, disabl*, toggl*, not updated, rename*, renaming
            configuration-change 3: too low, too few, too small, very low, timeout*, default site, default file
            configuration-change 3: blacklist*, blocklist*, whitelist*, allowlist*, fewer
            configuration-change 2: rule*, default*, changed, change to, change in, changes to, port 8080, copied
            configuration-change 2: mismatch*, pointed to, pointing to, pointed at, re created, recreated
            configuration-change 2: policy, policie*, maintenance, updated, cleanup job*
            configuration-change 1: change*, wrong, incorrect*, old ip, inadvertently, permission*, infrastructure
            configuration-change 1: record*, typo*

            code-change 4: code change*, code deploy*, new code, bad deploy*, deployment of, new release
            code-change 4: code deployment*, release of, new version*, bug fix*, bugfix*, recent deploy*
            code-change 4: releasing code, deploying code, new ... feature*, software upgrade*, upgraded
            code-change 3: deploy*, releas*, upgrad*, rollout*, rolled out, roll out, refactor*, introduc*
            code-change 3: regression*, hotfix*, merged, commit*, pull request*, clean up, cleanup
            code-change 3: rolled back, rollback*, roll back, reverted, revert*, update
            code-change 2: deprecat*, version*, patch*, pushed, shipped, ship, launch*, migrat*
            code-change 1: change*, new, recent*, bug

            traffic-surge 4: traffic spike*, traffic surge*, spike in traffic, surge in traffic, load spike*
            traffic-surge 4: thundering herd, flash crowd*, high volume, heavy load, influx, marketing campaign*
            traffic-surge 4: extreme load, new peak, peak traffic, sudden increase, burst of, ddos
            traffic-surge 3: spike*, surge*, burst*, peak*, heavy traffic, high traffic, increased traffic
            traffic-surge 3: concurrent user*, reconnect*, high load, increased load, too many request*
            traffic-surge 2: demand, sale, popular, viral, overload*, overwhelm*, many user*
            traffic-surge 1: load, traffic, request*, retries, volume, users trying

            resource-exhaustion 4: ran out of, run out of, runs out of, out of memory, exhaust*, no space left
            resource-exhaustion 4: disk full, disk space, filled up, fill up, fills up, starvation, quota
            resource-exhaustion 4: maximum number, too much data, wraparound, grew without bound, without bound
            resource-exhaustion 3: full, filled, fill*, oom, memory leak*, leak* memory, limit*, grew, grow*
            resource-exhaustion 3: unbounded, excessive, saturat*, too many, max connection*, memory usage
            resource-exhaustion 2: space, memory, consumption, accumulat*, capacity
            resource-exhaustion 1: resource*, large, size, threads, lock, leak*
            resource-exhaustion 3: throttl*, resource limit*, resource guarantee*, no limit*, heap

            hardware-failure 4: hardware failure*, hardware fault*, hardware, power outage, power failure
            hardware-failure 4: cooling, disk failure*, failed disk*, drive failure*, failed drive*, power loss
            hardware-failure 3: power, fiber, fibre, faulty, physical, electricity, grid, leased line*
            hardware-failure 3: circuit breaker*, component failure, failure of a component, generator*, hvac
            hardware-failure 2: cable*, switch*, malfunction*, misbehav*, design flaw, radar, broken
            hardware-failure 4: overheat*, fan failure*, failed fan*, disk* ... fail*, drive* ... fail*
            hardware-failure 3: machine ... fail*, hardware ... fail*, died, dead disk*

            expiry 5: expir*
            expiry 3: not renewed, renew*, lapse*, out of date, licence, license
            expiry 2: valid until, validity, renewal

            dependency-failure 4: provider outage, upstream outage, third party outage, outage at, outage of
            dependency-failure 4: breaking change*, discontinued, external dependenc*, dependency failure*
            dependency-failure 3: relied on, relies on, rely on, reliance, depend* on, dependenc*, upstream
            dependency-failure 3: provider*, external service*, network partition, suffered an outage
            dependency-failure 3: picked up, migrated automatically
            dependency-failure 2: external, vendor*, failover, single point of failure, fallback
            dependency-failure 1: partition*, third party

            human-error 4: human error*, manual error*, operator error*, by mistake, accidental*, inadvertent*
            human-error 4: wrong host, wrong server, wrong directory, wrong filesystem, wrong file system
            human-error 4: forgot, forgotten, misnamed, misnaming, mistyped, mis typed, improper restart
            human-error 3: manual*, mistake*, operator*, engineer ran, admin*, deleted, typo*, by hand
            human-error 3: improper*, improperly, erroneous*, fat finger*, incorrectly named, wrongly named
            human-error 2: wrong, restart*, reboot*, maintenance, tired, wrong extension, file extension
            human-error 1: incorrect*, command*, engineer*, rename*
            human-error 4: unintentional*, unintended, accidentally deleted, wrong branch

            attack 5: attack*, attacker*, ddos, malware, intrusion, malicious, hack*, phishing, exploit*
            attack 4: compromis*, unauthorized third party, unauthorized access, stolen, steal*, theft
            attack 3: breach*, security bug, security vulnerabilit*, vulnerabilit*, impersonat*, ransomware
            attack 2: unauthorized, diverted, abuse*
            attack 1: leak*

            software-bug 4: latent bug*, latent issue*, latent defect*, race condition*, null pointer
            software-bug 4: software bug*, software error*, internal software error*, leap second*, poison pill
            software-bug 4: unhandled, did not handle, does not handle, didn t handle, edge case*, corner case*
            software-bug 3: bug*, latent, defect*, panic*, crash loop*, exception*, overflow*, backtracking
            software-bug 3: flaw*, fault*, logic error*, programming error*, assumption*, assumed to be, backoff
            software-bug 3: known issue*, incorrect result*, corrupt*, glitch*, infinite loop*, deadlock*
            software-bug 2: incorrectly, wrong unit*, different unit*, inefficien*, retry logic, crash*
            software-bug 1: error*, failure*, issue*, problem*, not working, handl*

            unknown 4: unknown cause, cause is unknown, cause remains unknown, still investigating
            unknown 4: under investigation, not yet known, not sure what happened, unclear
            unknown 3: investigating, unknown, unexplained, no official postmortem
            """);

    private Taxonomy() {
    }
}
