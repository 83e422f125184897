package org.compact.tracker.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserRepository extends CrudRepository<AppUser, Long> {
    /** The user whatever the case of the name typed: pass {@link AppUser#keyOf}. */
    Optional<AppUser> findByUsernameKey(String usernameKey);

    boolean existsByUsernameKey(String usernameKey);

    List<AppUser> listOrderByUsername();

    List<AppUser> findByAgencyIdOrderByUsername(Long agencyId);

    /** Ends every token of the user: they carry the version before. 1 when the user was there. */
    @Query("UPDATE app_user SET session_version = session_version + 1 WHERE id = :id")
    int moveSessionVersion(Long id);

    /** A new password, and every token of the user ended. */
    @Query("UPDATE app_user SET password_hash = :passwordHash, session_version = session_version + 1 WHERE id = :id")
    int changePassword(Long id, String passwordHash);

    /** The same password stored in the current form (a hash of an older form, once it signed in): no token ends. */
    @Query("UPDATE app_user SET password_hash = :passwordHash WHERE id = :id")
    int rehash(Long id, String passwordHash);
}
