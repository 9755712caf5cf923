package io.precis.admin.feedback;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface FeedbackRepository extends JpaRepository<Feedback, Long> {
    List<Feedback> findBySummaryIdOrderByCreatedAtDesc(UUID summaryId);
}
