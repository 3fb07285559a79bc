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

    static final CueTable COMPONENT_CUES = new CueTable(COMPONENTS, """
            load-balancer 3: load balancer*, load balancing, loadbalancer*, elb, alb, haproxy, ingress controller*
            load-balancer 2: traefik, envoy, reverse proxy, balancer*, load balanced, routing rule*, lb
            load-balancer 1: backend server*, distribut* traffic, traffic distribution, upstream server*, ingress

            web-server 3: nginx, apache, httpd, php fpm, web server*, webserver*, sites enabled, sites available
            web-server 2: listen directive, server block*, virtual host*, vhost*, lighttpd, iis, tomcat, gunicorn
            web-server 1: port 80, port 443, 500 error*, 502, 503

            application 3: application code, app code, the application, our application, web application, php file*
            application 2: code, software, bug, plugin*, widget*, css, javascript, frontend, front end, endpoint*
            application 2: null pointer, exception*, panic*, memory leak, wordpress, wp settings, regex*, sdk
            application 2: feature flag*, business logic, user interface, ui, installer, backend service*
            application 2: microservice*, api service*, worker*, file extension
            application 1: app, api, logic, service, function*, library, librarie*, module, script*, calculation*
            application 1: retention policy, validation, unit* of measurement*, query in a loop, while loop
            application 1: gradle, build*, version*, account*, user*

            database 3: database*, db, dbs, mysql, mariadb, postgres*, mongo*, rds, sql, connection pool*
            database 3: cassandra, dynamodb, spanner, replication, zookeeper, boltdb, etcd, oracle, redshift
            database 2: query, querie*, replica*, primary, master, failover, schema, table*, transaction*
            database 2: migration*, index*, deadlock*, lock*, wraparound, vacuum, consul, data store*, datastore*
            database 1: data, record*, write*, read*, row*

            cache 3: cache*, caching, redis, memcache*, varnish
            cache 1: cdn cache, hit rate

            queue 3: queue*, kafka, rabbitmq, sqs, message broker*, pubsub, pub sub, nats, celery
            queue 2: asynchronous, async, task processing, job processing, background job*, message*, consumer*
            queue 1: worker*, job*, event*

            dns 3: dns, coredns, nameserver*, name server*, route53, route 53, cname, dns record*, zone file*
            dns 3: domain name*, resolver*, mx record*, a record*, aaaa record*, servfail, nxdomain
            dns 2: resolv*, domain*, lookup*, ttl, registrar
            dns 1: record*, ip address*

            network 3: network*, firewall*, router*, bgp, ufw, iptables, port forward*, backbone, subnet*, vpc
            network 3: leased line*, fiber, fibre, packet loss, network partition, switch*, peering, transit
            network 3: cdn, isp, security group*, nat gateway*, vpn, connectivity
            network 2: routing, route*, bandwidth, edge, latency, ip, ip address*, port*, link*, traffic, dhcp
            network 2: vcl, interconnect*, cable*, tcp, udp, packet*, gateway*, proxy
            network 1: datacenter*, data center*, region*, internet, connection*, blocked, blocking

            storage 3: disk*, storage, file system*, filesystem*, no space left, s3, object storage, ebs, nfs
            storage 3: hard drive*, ssd*, raid, inode*, volume*, partition* full
            storage 2: space, log file*, logs filled, access log*, tmp, backup*, repositor* storage, subversion
            storage 2: deduplication, block*, bucket*, file*, write operation*, blob*
            storage 1: log*, data, directory, directories, folder*

            compute 3: cpu*, vm, vms, virtual machine*, container*, kubernetes, k8s, pod*, node*, host*, ec2
            compute 3: inotify, operating system*, kernel, hypervisor*, compute engine, processor*, cluster resource*
            compute 3: out of memory, oom, ram, memory, thread*, machine*, instance*, computer*, chip*
            compute 2: server*, cluster*, reboot*, restart*, capacity, autoscal*, scaling, scale*, os, fleet*
            compute 2: synapse, image*, worker node*, eks, gke, aks, docker, hardware
            compute 1: load, resource*, process*, upgrade*

            certificate 3: certificate*, cert, certs, ssl, tls, certbot, letsencrypt, let s encrypt, acme
            certificate 2: https, handshake*, private key*, x509, keystore, ca bundle, renewal*, renew*

            auth 3: authentication, auth, authorization, credential*, password*, sso, oauth, okta, ldap, iam
            auth 3: service token*, access token*, api key*, session cookie*, 2fa, mfa, identity provider*
            auth 2: permission*, token*, login*, log in, sign in, signin, identity, secret*, key rotation
            auth 2: access control*, role*, privilege*, session*, saml, kiam, x forwarded header*, account*
            auth 1: user*, access, authenticat*, unauthori*

            third-party 3: third party, external provider*, external service*, external api*, vendor*
            third-party 3: provider outage, upstream provider*, saas, partner*, external package*
            third-party 2: provider*, external, github, azure, aws, google cloud, gcp, carrier*, cloud provider*
            third-party 2: package, new release of, dependency constraint*, support
            third-party 1: upstream, dependenc*, api

            deploy-pipeline 3: ci cd, cicd, pipeline*, build system*, release tooling, release recipe*
            deploy-pipeline 3: release process, deployment process, deploy process, automated deployment*
            deploy-pipeline 3: deployment stage, deployment script*, jenkins, github action*, code signing, ci
            deploy-pipeline 2: signing, build server*, continuous integration, content validator, validator*
            deploy-pipeline 2: ansible, terraform, puppet, chef, helm, argo*, spinnaker, deploy tool*, release*
            deploy-pipeline 1: deploy*, build*, artifact*, automated, automation

            monitoring 3: monitoring, alerting, observability, pagerduty, prometheus, grafana, datadog
            monitoring 2: alert*, metric*, dashboard*, logging, on call, health check*, nagios
            monitoring 1: detect*, notification*

            other 3: power, electricity, electrical, cooling, grid, generator*, hvac, utility, fire, flood
            other 3: power outage, power failure, power supply, ups
            other 2: facility, facilities, weather, storm, earthquake, ship*, design
            """);

    static final CueTable TRIGGER_CUES = new CueTable(TRIGGERS, """
            configuration-change 4: configuration change*, config change*, configuration update*, config update*
            configuration-change 4: misconfigur*, mis configur*, configuration error*, config error*, bad config*
            configuration-change 4: configuration issue*, config issue*, incorrect configuration, wrong configuration
            configuration-change 4: incorrectly configured, improperly configured, wrongly configured, config push
            configuration-change 3: configur*, config*, setting*, rule change*, policy change*, tweak*, parameter*
            configuration-change 3: dns change*, firewall rule*, routing rule*, listen* on port, set to, limit set
            configuration-change 3: feature flag*, enabl*, disabl*, toggle*, not updated, was not updated, rename*
            configuration-change 3: downgrade*, too low, too few, too small, timeout*, default site, default file
            configuration-change 2: rule*, default*, changed, change to, change in, changes to, port 8080, copied
            configuration-change 2: setup, set up, mismatch*, pointed to, pointing to, pointed at, record*
            configuration-change 2: policy, policie*, maintenance, update* the, updated, typo*, cleanup job*
            configuration-change 1: change*, wrong, incorrect*, old ip, inadvertently, permission*

            code-change 4: code change*, code deploy*, new code, bad deploy*, deployment of, new release
            code-change 4: code deployment*, release of, new version*, bug fix*, bugfix*, recent deploy*
            code-change 3: deploy*, release*, upgrade*, rollout*, rolled out, roll out, new feature*, refactor*
            code-change 3: regression*, hotfix*, introduced, merged, commit*, pull request*, clean up, cleanup
            code-change 3: rolled back, rollback*, roll back, reverted, revert*, update, updates, migrat*
            code-change 2: deprecat*, version*, change released, patch*, pushed, shipped, ship, launch*
            code-change 1: change*, new, recent*, bug

            traffic-surge 4: traffic spike*, traffic surge*, spike in traffic, surge in traffic, load spike*
            traffic-surge 4: thundering herd, flash crowd*, high volume, heavy load, influx, marketing campaign*
            traffic-surge 4: extreme load, new peak, peak traffic, sudden increase, burst of, ddos
            traffic-surge 3: spike*, surge*, burst*, peak*, heavy traffic, high traffic, increased traffic
            traffic-surge 3: concurrent user*, reconnect*, demand, sale, popular, viral, high load, load
            traffic-surge 2: overload*, overwhelm*, too many request*, many user*, request*, traffic, retries, retry
            traffic-surge 1: many, volume, users trying

            resource-exhaustion 4: ran out of, run out of, runs out of, out of memory, exhaust*, no space left
            resource-exhaustion 4: disk full, disk space, filled up, fill up, fills up, starvation, quota
            resource-exhaustion 4: maximum number, too much data, wraparound, grew without bound, without bound
            resource-exhaustion 3: full, filled, fill*, oom, leak*, limit*, grew, grow*, unbounded, excessive
            resource-exhaustion 3: capacity, saturat*, too many, max connection*, memory usage, consumption
            resource-exhaustion 2: space, memory, resource*, accumulat*, large, size, threads, lock

            hardware-failure 4: hardware failure*, hardware fault*, hardware, power outage, power failure
            hardware-failure 4: cooling, disk failure*, failed disk*, drive failure*, failed drive*, power loss
            hardware-failure 3: power, fiber, fibre, cable*, switch*, faulty, physical, electricity, grid
            hardware-failure 3: leased line*, circuit breaker*, component failure, failure of a component
            hardware-failure 3: failure of the primary, generator*, hvac, data center power, radar, disk crash
            hardware-failure 2: failure of, failed, malfunction*, broken, misbehav*, design flaw

            expiry 5: expir*, expired
            expiry 3: not renewed, renew*, lapse*, out of date, outdated certificate*, licence, license
            expiry 2: valid until, validity, renewal

            dependency-failure 4: provider outage, upstream outage, third party outage, outage at, outage of
            dependency-failure 4: breaking change*, discontinued, external dependenc*, dependency failure*
            dependency-failure 3: relied on, relies on, rely on, reliance, depend* on, dependenc*, upstream
            dependency-failure 3: provider*, external service*, network partition, suffered an outage
            dependency-failure 2: third party, external, vendor*, migrated automatically, outage, went down
            dependency-failure 2: unavailable, failover, single point of failure, fallback
            dependency-failure 1: partition*

            human-error 4: human error*, manual error*, operator error*, by mistake, accidental*, inadvertent*
            human-error 4: wrong host, wrong server, wrong directory, wrong filesystem, wrong file system
            human-error 4: forgot, forgotten, misnamed, misnaming, mistyped, mis typed, improper restart
            human-error 3: manual*, mistake*, operator*, engineer ran, admin*, deleted, typo*, by hand
            human-error 3: improper*, improperly, erroneous*, fat finger*, incorrectly named, wrongly named
            human-error 2: wrong, restart*, reboot*, maintenance, tired, wrong extension, file extension
            human-error 1: incorrect*, command*, engineer*, rename*

            attack 5: attack*, attacker*, ddos, malware, intrusion, malicious, hack*, phishing, exploit*
            attack 4: compromis*, unauthorized third party, unauthorized access, stolen, steal*, theft
            attack 3: breach*, security bug, security vulnerabilit*, vulnerabilit*, impersonat*, ransomware
            attack 2: unauthorized, leak*, diverted, bot*, abuse*

            software-bug 4: latent bug*, latent issue*, latent defect*, race condition*, null pointer
            software-bug 4: software bug*, software error*, internal software error*, leap second*, poison pill
            software-bug 4: unhandled, did not handle, does not handle, didn t handle, edge case*, corner case*
            software-bug 3: bug*, latent, defect*, panic*, crash loop*, crash*, exception*, overflow*, backtracking
            software-bug 3: flaw*, fault*, logic error*, programming error*, assumption*, assumed to be, backoff
            software-bug 3: known issue*, incorrect result*, corrupt*, glitch*, infinite loop*, deadlock*
            software-bug 2: error*, incorrectly, wrong unit*, different unit*, inefficien*, handle*, retry logic
            software-bug 1: failure*, issue*, problem*, not working

            unknown 4: unknown cause, cause is unknown, cause remains unknown, still investigating
            unknown 4: under investigation, not yet known, not sure what happened, unclear
            unknown 3: investigating, unknown, unexplained, no official postmortem
            """);

    private Taxonomy() {
    }
}
