package dev.closeout.security;

import dev.closeout.team.TeamKeys;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Issues, checks and revokes API tokens. A token is shown once, when issued; only its SHA-256 is
 * stored. {@code CLOSEOUT_ADMIN_TOKEN} (property {@code closeout.admin-token}), when set, is accepted
 * as an admin token without being stored, so a fresh install and automation can start.
 */
@Singleton
public class ApiTokens {

    /** The name changes by the environment's admin token are recorded under. */
    public static final String ADMIN_TOKEN_NAME = "admin-token";
    private static final String PREFIX = "co_";
    private static final int TOKEN_BYTES = 32;
    private static final String STORED_REFERENCE = "t";
    private static final String ADMIN_REFERENCE = "a";

    private final ApiTokenRepository tokens;
    private final TokenCache cache;
    private final TeamKeys teamKeys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final @Nullable byte[] adminTokenHash;

    ApiTokens(ApiTokenRepository tokens, TokenCache cache, TeamKeys teamKeys, Clock clock,
              @Value("${closeout.admin-token:}") String adminToken) {
        this.tokens = tokens;
        this.cache = cache;
        this.teamKeys = teamKeys;
        this.clock = clock;
        this.adminTokenHash = adminToken.isBlank() ? null : digest(adminToken);
    }

    /** A token just issued: the stored row and the token itself, which is not kept anywhere. */
    public record Issued(ApiToken stored, String token) {
    }

    /**
     * Issues a token named {@code name} with {@code role}, scoped to the team with key {@code teamKey}
     * when given; throws {@link IllegalArgumentException} naming the field when one is invalid.
     */
    @Transactional
    public Issued issue(String name, Role role, @Nullable String teamKey) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name: must be 1 to 200 characters");
        }
        Long teamId = null;
        if (teamKey != null) {
            if (role == Role.ADMIN) {
                throw new IllegalArgumentException("team: an admin token cannot be scoped to a team");
            }
            teamId = teamKeys.idOf(teamKey).orElseThrow(() -> new IllegalArgumentException("team: no team with key '" + teamKey + "'"));
        }
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken stored = tokens.save(new ApiToken(null, name.strip(), hash(token), role, teamId,
                LocalDateTime.now(clock)));
        return new Issued(stored, token);
    }

    /** The caller a presented token stands for, if it is the admin token or a stored one. */
    @ReadOnly
    public Optional<Caller> authenticate(String token) {
        byte[] presented = digest(token);
        if (adminTokenHash != null && MessageDigest.isEqual(adminTokenHash, presented)) {
            return Optional.of(new Caller(ADMIN_TOKEN_NAME, Role.ADMIN, null));
        }
        return tokens.findByTokenHash(HexFormat.of().formatHex(presented))
                .map(stored -> new Caller(stored.name(), stored.role(), stored.teamId()));
    }

    /**
     * What a web session signed in with {@code token} refers to, so its cookie never carries the token: a stored
     * token by its id ({@code t42}), the environment's admin token by a fingerprint of it ({@code a...}), which a
     * changed admin token no longer matches.
     */
    public record SessionSubject(String reference, Caller caller) {
    }

    /** The session subject of a presented token, if it is the admin token or a stored one. */
    @ReadOnly
    public Optional<SessionSubject> sessionSubject(String token) {
        byte[] presented = digest(token);
        if (adminTokenHash != null && MessageDigest.isEqual(adminTokenHash, presented)) {
            return Optional.of(new SessionSubject(adminReference(), new Caller(ADMIN_TOKEN_NAME, Role.ADMIN, null)));
        }
        return tokens.findByTokenHash(HexFormat.of().formatHex(presented))
                .map(stored -> new SessionSubject(STORED_REFERENCE + stored.id(),
                        new Caller(stored.name(), stored.role(), stored.teamId())));
    }

    /**
     * The caller a session's {@link SessionSubject#reference()} stands for today: none once the token is revoked
     * (or the admin token changed). Looked up again after the token cache's TTL, as bearer tokens are.
     */
    @ReadOnly
    public Optional<Caller> callerOf(String reference) {
        String key = "session:" + reference;
        Optional<Caller> cached = cache.cached(key);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Caller> found;
        if (reference.startsWith(STORED_REFERENCE)) {
            found = parseId(reference.substring(STORED_REFERENCE.length())).flatMap(tokens::findById)
                    .map(stored -> new Caller(stored.name(), stored.role(), stored.teamId()));
        } else {
            found = adminTokenHash != null && reference.equals(adminReference())
                    ? Optional.of(new Caller(ADMIN_TOKEN_NAME, Role.ADMIN, null)) : Optional.empty();
        }
        return cache.remember(key, found);
    }

    private String adminReference() {
        // a digest of the digest: the cookie says which admin token it was, and reveals nothing to guess it by
        return ADMIN_REFERENCE + HexFormat.of().formatHex(digest(HexFormat.of().formatHex(adminTokenHash)))
                .substring(0, 16);
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @ReadOnly
    public List<ApiToken> list(long afterId, int limit) {
        return tokens.findByIdGreaterThanOrderById(afterId).stream().limit(limit).toList();
    }

    @Transactional
    public boolean revoke(long id) {
        if (!tokens.existsById(id)) {
            return false;
        }
        tokens.deleteById(id);
        // refused here from now on; other instances find it gone within their cache's TTL
        cache.clear();
        return true;
    }

    static String hash(String token) {
        return HexFormat.of().formatHex(digest(token));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
