package io.precis.app.summarize;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface SummaryRepository extends JpaRepository<SummaryRecord, UUID> {
    Page<SummaryRecord> findByOwnerOrderByCreatedAtDesc(String owner, Pageable page);
}
