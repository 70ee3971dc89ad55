package org.prospectus.programme;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProgrammeDocumentRepository extends JpaRepository<ProgrammeDocument, Long> {

}
