package org.prospectus.catalogue;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProgrammeDocumentRepository extends JpaRepository<ProgrammeDocument, Long> {

}
